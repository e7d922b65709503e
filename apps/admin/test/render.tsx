import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
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
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered.push(queries);
  return render(
    <MantineProvider>
      <SessionProvider url={live.endpoint}>
        <QueryClientProvider client={queries}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </SessionProvider>
    </MantineProvider>,
  );
}

const rendered: QueryClient[] = [];

/**
 * Waits for the reads a test's last action set off (a save invalidates queries, which read again), so
 * that none is still in flight when the API closes; call before `cleanup()`.
 */
export async function settled() {
  for (const queries of rendered.splice(0)) {
    await waitFor(() => {
      if (queries.isFetching() + queries.isMutating() > 0) throw new Error('Still reading.');
    });
  }
}
