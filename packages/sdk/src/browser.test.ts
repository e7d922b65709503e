import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserBundle, launchChromium, SDK_PAGE } from '../test/browser.ts';
import { type LiveApi, startLiveApi } from '../test/live-api.ts';

// The SDK in a real browser: bundled for the browser as an app's bundler would, loaded in a page of the
// API's origin, and talking to the live API with the browser's fetch.

let live: LiveApi;
let browser: Browser;
let bundle: string;
let token: string;

beforeAll(async () => {
  live = await startLiveApi();
  token = (await live.api.as('ADMIN')).token;
  bundle = await browserBundle();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('the SDK in a browser', () => {
  it('lists, pages, refuses a change with typed userErrors and classifies errors, using only browser APIs', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    // The page is served at the API's origin, so its requests to /graphql are same-origin, as the admin UI's are.
    await page.route(`${live.api.url}/sdk-test/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith('/sdk.js')) return route.fulfill({ contentType: 'text/javascript', body: bundle });
      return route.fulfill({ contentType: 'text/html', body: SDK_PAGE });
    });
    await page.goto(`${live.api.url}/sdk-test/index.html`);
    await page.waitForFunction(() => 'sdk' in window);
    const result = await page.evaluate(
      async ({ url, token }) => {
        const { sdk } = window as unknown as { sdk: typeof import('./index.ts') };
        const client = sdk.createClient({ url, token });
        const seminars = await client.seminars.list({ first: 5 });
        const sessions: string[] = [];
        const seminar = seminars.nodes[0]!;
        const filter = { seminarId: { eq: seminar.id } };
        for await (const session of client.paginate(
          sdk.SessionsListDocument,
          { filter },
          { path: 'sessions', pageSize: 5 },
        )) {
          sessions.push(session.title);
        }
        const refused = await client.organizations.create({ name: '', type: 'NGO', countryCode: 'UZ' });
        let unwrapped = '';
        try {
          sdk.unwrap(refused);
        } catch (error) {
          unwrapped = error instanceof sdk.UserErrorsError ? `UserErrorsError ${error.code}` : String(error);
        }
        const offline = sdk.createClient({ url: 'http://127.0.0.1:9/graphql', retry: false });
        const network = await offline.seminars.list().catch((error: unknown) => error instanceof sdk.NetworkError);
        const anonymous = sdk.createClient({ url, token: 'shs_wrong', retry: false });
        const unauthenticated = await anonymous.auth
          .viewer()
          .catch((error: unknown) => error instanceof sdk.UnauthenticatedError);
        return {
          seminar: seminar.title,
          sessions,
          refused: refused.ok ? null : refused.userErrors[0].code,
          unwrapped,
          network,
          unauthenticated,
        };
      },
      { url: live.endpoint, token },
    );
    expect(result.seminar).toBe('Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan');
    expect(result.sessions.length).toBeGreaterThan(5);
    expect(result.sessions).toContain('Key Technologies of E-Government');
    expect(result.refused).toBe('INVALID');
    expect(result.unwrapped).toBe('UserErrorsError INVALID');
    expect(result.network).toBe(true);
    expect(result.unauthenticated).toBe(true);
    expect(failures).toEqual([]);
    await page.close();
  });
});
