import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { SessionProvider } from '../src/lib/session.tsx';
import type { LiveAdmin } from './live-api.ts';

/**
 * Renders routes of the admin at `path`, signed in with `token` against the live API, with the providers
 * the app gives them (Mantine, the session, TanStack Query). Component tests clear sessionStorage after each.
 */
export function renderSignedIn(live: LiveAdmin, token: string, routes: RouteObject[], path: string) {
  sessionStorage.setItem('seminarhub.session', token);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(
    <MantineProvider>
      <SessionProvider url={live.endpoint}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </SessionProvider>
    </MantineProvider>,
  );
}
