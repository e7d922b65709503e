import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { expect } from 'vitest';
import { SessionProvider } from '../src/lib/session.tsx';
import type { LiveAdmin } from './live-api.ts';

// happy-dom has no CSS Font Loading API; Mantine's autosizing Textarea listens on `document.fonts`.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });

const rendered = new Set<QueryClient>();

/**
 * Waits for the requests of what was rendered to end, then unmounts it: a request still running when
 * the test's API closes would fail, retry and fail again after the test.
 */
export async function settleAndCleanup() {
  await waitFor(() => expect([...rendered].every((queries) => queries.isFetching() === 0)).toBe(true), {
    timeout: 10_000,
  });
  rendered.clear();
  cleanup();
}

/**
 * Puts happy-dom's page at the API's origin, as the admin is when the API serves it: its requests, and
 * the test's own SDK calls, are then same-origin. Call it before the first request.
 */
export function placeAtApiOrigin(live: LiveAdmin) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${live.api.url}/admin/`);
}

/**
 * Renders a screen as the admin does, signed in with `token` against the live API: Mantine, the
 * session, queries and a router (at `path`, for screens that read their URL).
 */
export function renderSignedIn(
  live: LiveAdmin,
  token: string,
  ui: ReactNode,
  { path = '/', url = path }: { path?: string; url?: string } = {},
) {
  placeAtApiOrigin(live);
  sessionStorage.setItem('seminarhub.session', token);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered.add(queries);
  const router = createMemoryRouter([{ path, element: ui }], { initialEntries: [url] });
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
