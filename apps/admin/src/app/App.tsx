import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { UnauthenticatedError } from '@seminarhub/sdk';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { SeminarLayout } from '../features/seminars/SeminarLayout.tsx';
import {
  ACCOUNTS,
  type Access,
  API_KEYS,
  AUDIT,
  MY_SEMINARS,
  PLACES,
  PROPOSAL_PAGE,
  RequireAccess,
  STAFF,
} from '../lib/access.tsx';
import { SessionProvider, useSession } from '../lib/session.tsx';
import { RouteError } from './RouteError.tsx';
import { Shell } from './Shell.tsx';
import { theme } from './theme.ts';

/** Pages behind sign-in; an expired or revoked session leads back to it. */
function RequireSession() {
  const { token } = useSession();
  return token ? <Outlet /> : <Navigate to="/sign-in" replace />;
}

/**
 * A screen loaded when first opened: sign-in and the landing page come with the app, each other screen
 * (and what only it uses) in a chunk of its own. `access` keeps the screen from viewers it is not for.
 */
function screen(load: () => Promise<ComponentType>, access?: Access) {
  return {
    lazy: async () => {
      const Screen = await load();
      return {
        element: access ? (
          <RequireAccess access={access}>
            <Screen />
          </RequireAccess>
        ) : (
          <Screen />
        ),
      };
    },
  };
}

const loading = (
  <Center h="60vh">
    <Loader aria-label="Loading" />
  </Center>
);

const router = () =>
  createBrowserRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      {
        element: <RequireSession />,
        hydrateFallbackElement: loading,
        children: [
          {
            element: <Shell />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomePage /> },
              {
                path: 'seminars',
                ...screen(() => import('../features/seminars/SeminarsPage.tsx').then((m) => m.SeminarsPage)),
              },
              {
                path: 'seminars/:seminarId',
                element: <SeminarLayout />,
                children: [
                  {
                    index: true,
                    ...screen(() => import('../features/agenda/AgendaPage.tsx').then((m) => m.AgendaPage)),
                  },
                  {
                    path: 'enrollments',
                    ...screen(
                      () => import('../features/enrollments/EnrollmentsPage.tsx').then((m) => m.EnrollmentsPage),
                      STAFF,
                    ),
                  },
                  {
                    path: 'attendance/:sessionId?',
                    ...screen(
                      () => import('../features/attendance/AttendancePage.tsx').then((m) => m.AttendancePage),
                      STAFF,
                    ),
                  },
                  {
                    path: 'feedback',
                    ...screen(() => import('../features/feedback/FeedbackTab.tsx').then((m) => m.FeedbackTab), STAFF),
                  },
                  {
                    path: 'proposals',
                    ...screen(
                      () => import('../features/proposals/ProposalsBoard.tsx').then((m) => m.ProposalsBoard),
                      STAFF,
                    ),
                  },
                  {
                    path: 'proposals/:proposalId',
                    ...screen(
                      () => import('../features/proposals/ProposalDetailPage.tsx').then((m) => m.ProposalDetailPage),
                      PROPOSAL_PAGE,
                    ),
                  },
                ],
              },
              {
                path: 'programs',
                ...screen(() => import('../features/programs/ProgramsPage.tsx').then((m) => m.ProgramsPage), STAFF),
                children: [
                  {
                    path: 'new',
                    ...screen(() => import('../features/programs/ProgramDrawer.tsx').then((m) => m.ProgramDrawer)),
                  },
                  {
                    path: ':programId',
                    ...screen(() => import('../features/programs/ProgramDrawer.tsx').then((m) => m.ProgramDrawer)),
                  },
                ],
              },
              {
                path: 'follow-up',
                ...screen(() => import('../features/follow-up/FollowUpPage.tsx').then((m) => m.FollowUpPage), STAFF),
              },
              {
                path: 'organizations',
                ...screen(() =>
                  import('../features/organizations/OrganizationsPage.tsx').then((m) => m.OrganizationsPage),
                ),
              },
              {
                path: 'people',
                ...screen(() => import('../features/people/PeoplePage.tsx').then((m) => m.PeoplePage)),
              },
              {
                path: 'places',
                ...screen(() => import('../features/places/PlacesPage.tsx').then((m) => m.PlacesPage), PLACES),
              },
              {
                path: 'accounts',
                ...screen(() => import('../features/accounts/AccountsPage.tsx').then((m) => m.AccountsPage), ACCOUNTS),
              },
              {
                path: 'audit',
                ...screen(() => import('../features/audit/AuditLogPage.tsx').then((m) => m.AuditLogPage), AUDIT),
              },
              {
                path: 'api-keys',
                ...screen(() => import('../features/api-keys/ApiKeysPage.tsx').then((m) => m.ApiKeysPage), API_KEYS),
              },
              {
                path: 'reviews',
                ...screen(() => import('../features/reviews/ReviewsPage.tsx').then((m) => m.ReviewsPage)),
              },
              {
                path: 'reviews/:proposalId',
                ...screen(() => import('../features/reviews/ReviewPage.tsx').then((m) => m.ReviewPage)),
              },
              // A participant's own area: their seminars, each with its agenda, their attendance and feedback.
              {
                path: 'my-seminars',
                ...screen(
                  () => import('../features/my-seminars/MySeminarsPage.tsx').then((m) => m.MySeminarsPage),
                  MY_SEMINARS,
                ),
              },
              {
                path: 'my-seminars/:seminarId',
                ...screen(
                  () => import('../features/my-seminars/MySeminarPage.tsx').then((m) => m.MySeminarPage),
                  MY_SEMINARS,
                ),
              },
              {
                path: 'my-proposals',
                ...screen(() => import('../features/my-proposals/MyProposalsPage.tsx').then((m) => m.MyProposalsPage)),
              },
              {
                path: 'my-proposals/:proposalId',
                ...screen(() => import('../features/my-proposals/MyProposalPage.tsx').then((m) => m.MyProposalPage)),
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
