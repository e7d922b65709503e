// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LiveAdmin, startLiveAdmin } from '../../../test/live-api.ts';
import { SessionProvider } from '../../lib/session.tsx';
import { SignInPage } from './SignInPage.tsx';

// The sign-in form against the real API: no mocked client.
let live: LiveAdmin;
let account: { email: string; password: string };

beforeAll(async () => {
  live = await startLiveAdmin();
  // The page lives at the API's origin, as the admin does when the API serves it: same-origin requests.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${live.api.url}/admin/sign-in`);
  account = await live.account('COORDINATOR');
});
afterAll(() => live?.close());
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function renderSignIn() {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/', element: <p>Signed in</p> },
    ],
    { initialEntries: ['/sign-in'] },
  );
  render(
    <MantineProvider>
      <SessionProvider url={live.endpoint}>
        <RouterProvider router={router} />
      </SessionProvider>
    </MantineProvider>,
  );
}

describe('sign-in', () => {
  it("shows the API's refusal of a wrong password next to the form, and stores no session", async () => {
    renderSignIn();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Email/), account.email);
    await user.type(screen.getByLabelText(/Password/), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/email or password/i);
    expect(screen.getByLabelText(/Email/).getAttribute('aria-invalid')).toBe('true');
    expect(sessionStorage.getItem('seminarhub.session')).toBeNull();
  });

  it('signs in with the right password, keeps the session token for this tab and leaves the page', async () => {
    renderSignIn();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Email/), account.email);
    await user.type(screen.getByLabelText(/Password/), account.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in')).toBeTruthy();
    expect(sessionStorage.getItem('seminarhub.session')).toMatch(/^shs_/);
  });
});
