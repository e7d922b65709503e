import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { SessionProvider } from '../src/lib/session.tsx';
import type { LiveAdmin } from './live-api.ts';

// happy-dom has no CSS Font Loading API; Mantine's autosizing Textarea listens on `document.fonts`.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });

/**
 * Puts happy-dom's page at the API's origin, as the admin is when the API serves it: its requests, and
 * the test's own SDK calls, are then same-origin. Call it before the first request.
 */
export function placeAtApiOrigin(live: LiveAdmin) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${live.api.url}/admin/`);
}

/**
 * Renders routes of the admin at `path`, signed in with `token` against the live API, with the providers
 * the app gives them (Mantine, the session, TanStack Query); its router tells where the screen went. Component tests clear sessionStorage after each.
 */
export function renderSignedIn(live: LiveAdmin, token: string, routes: RouteObject[], path: string) {
  placeAtApiOrigin(live);
  sessionStorage.setItem('seminarhub.session', token);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered.push(queries);
  const screen = render(
    <MantineProvider>
      <SessionProvider url={live.endpoint}>
        <QueryClientProvider client={queries}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </SessionProvider>
    </MantineProvider>,
  );
  return { ...screen, router };
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
