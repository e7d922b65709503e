import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { UnauthenticatedError } from '@seminarhub/sdk';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { AgendaPage } from '../features/agenda/AgendaPage.tsx';
import { AttendancePage } from '../features/attendance/AttendancePage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { EnrollmentsPage } from '../features/enrollments/EnrollmentsPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { MyProposalPage } from '../features/my-proposals/MyProposalPage.tsx';
import { MyProposalsPage } from '../features/my-proposals/MyProposalsPage.tsx';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage.tsx';
import { PeoplePage } from '../features/people/PeoplePage.tsx';
import { ProposalDetailPage } from '../features/proposals/ProposalDetailPage.tsx';
import { ProposalsBoard } from '../features/proposals/ProposalsBoard.tsx';
import { ReviewPage } from '../features/reviews/ReviewPage.tsx';
import { ReviewsPage } from '../features/reviews/ReviewsPage.tsx';
import { SeminarLayout } from '../features/seminars/SeminarLayout.tsx';
import { SeminarsPage } from '../features/seminars/SeminarsPage.tsx';
import { SessionProvider, useSession } from '../lib/session.tsx';
import { RouteError } from './RouteError.tsx';
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
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'seminars', element: <SeminarsPage /> },
              {
                path: 'seminars/:seminarId',
                element: <SeminarLayout />,
                children: [
                  { index: true, element: <AgendaPage /> },
                  { path: 'enrollments', element: <EnrollmentsPage /> },
                  { path: 'attendance', element: <AttendancePage /> },
                  { path: 'attendance/:sessionId', element: <AttendancePage /> },
                  { path: 'proposals', element: <ProposalsBoard /> },
                  { path: 'proposals/:proposalId', element: <ProposalDetailPage /> },
                ],
              },
              { path: 'organizations', element: <OrganizationsPage /> },
              { path: 'people', element: <PeoplePage /> },
              { path: 'reviews', element: <ReviewsPage /> },
              { path: 'reviews/:proposalId', element: <ReviewPage /> },
              { path: 'my-proposals', element: <MyProposalsPage /> },
              { path: 'my-proposals/:proposalId', element: <MyProposalPage /> },
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
