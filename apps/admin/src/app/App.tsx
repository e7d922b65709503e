import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { UnauthenticatedError } from '@seminarhub/sdk';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { ApiKeysPage } from '../features/api-keys/ApiKeysPage.tsx';
import { AuditLogPage } from '../features/audit/AuditLogPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { FeedbackTab } from '../features/feedback/FeedbackTab.tsx';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage.tsx';
import { PeoplePage } from '../features/people/PeoplePage.tsx';
import { ProgramDrawer } from '../features/programs/ProgramDrawer.tsx';
import { ProgramsPage } from '../features/programs/ProgramsPage.tsx';
import { SeminarLayout } from '../features/seminars/SeminarLayout.tsx';
import { SeminarsPage } from '../features/seminars/SeminarsPage.tsx';
import { API_KEYS, AUDIT, RequireAccess, STAFF } from '../lib/access.tsx';
import { SessionProvider, useSession } from '../lib/session.tsx';
import { Shell } from './Shell.tsx';
import { theme } from './theme.ts';

/** Pages behind sign-in; an expired or revoked session leads back to it. */
function RequireSession() {
  const { token } = useSession();
  return token ? <Outlet /> : <Navigate to="/sign-in" replace />;
}

const router = () =>
  createBrowserRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <Shell />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'seminars', element: <SeminarsPage /> },
              {
                path: 'seminars/:seminarId',
                element: <SeminarLayout />,
                children: [{ path: 'feedback', element: <FeedbackTab /> }],
              },
              {
                path: 'programs',
                element: (
                  <RequireAccess access={STAFF}>
                    <ProgramsPage />
                  </RequireAccess>
                ),
                children: [
                  { path: 'new', element: <ProgramDrawer /> },
                  { path: ':programId', element: <ProgramDrawer /> },
                ],
              },
              { path: 'organizations', element: <OrganizationsPage /> },
              { path: 'people', element: <PeoplePage /> },
              {
                path: 'audit',
                element: (
                  <RequireAccess access={AUDIT}>
                    <AuditLogPage />
                  </RequireAccess>
                ),
              },
              {
                path: 'api-keys',
                element: (
                  <RequireAccess access={API_KEYS}>
                    <ApiKeysPage />
                  </RequireAccess>
                ),
              },
            ],
          },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
    { basename: '/admin' },
  );

function Queries({ children }: { children: React.ReactNode }) {
  const { signOut } = useSession();
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({
          onError: (error) => {
            if (error instanceof UnauthenticatedError) void signOut();
          },
        }),
        // The SDK retries what is worth retrying; a second layer would multiply the waits.
        defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

export function App() {
  const [routes] = useState(router);
  return (
    <MantineProvider theme={theme}>
      <Notifications />
      <SessionProvider>
        <Queries>
          <RouterProvider router={routes} />
        </Queries>
      </SessionProvider>
    </MantineProvider>
  );
}
