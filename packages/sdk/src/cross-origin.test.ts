import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserBundle, launchChromium, SDK_PAGE } from '../test/browser.ts';
import { type LiveApi, startLiveApi } from '../test/live-api.ts';

// A frontend on another origin, as a third party would build one: the SDK's browser bundle in a page served
// from its own loopback port, calling the live API on another. The API lets only the first page's origin in
// (CORS_ORIGINS); Chromium enforces the rest.

let live: LiveApi;
let browser: Browser;
let token: string;
let allowed: string;
let other: string;
const servers: Server[] = [];

async function servePages(bundle: string): Promise<string> {
  const server = createServer((req, res) => {
    const script = req.url?.endsWith('/sdk.js');
    res.writeHead(200, { 'content-type': script ? 'text/javascript' : 'text/html' }).end(script ? bundle : SDK_PAGE);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const bundle = await browserBundle();
  allowed = await servePages(bundle);
  other = await servePages(bundle);
  live = await startLiveApi({ corsOrigins: [allowed] });
  token = (await live.api.as('ADMIN')).token;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  await live?.close();
});

async function openAt(origin: string): Promise<{ page: Page; consoleErrors: string[]; pageErrors: string[] }> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => 'sdk' in window);
  return { page, consoleErrors, pageErrors };
}

type Sdk = typeof import('./index.ts');

describe('a frontend on another origin', () => {
  it('calls the API through the SDK when its origin is allowed, with a preflight for its credential', async () => {
    const { page, consoleErrors, pageErrors } = await openAt(allowed);
    const signedIn = await page.evaluate(
      async ({ url, token }) => {
        const { sdk } = window as unknown as { sdk: Sdk };
        const client = sdk.createClient({ url, token });
        const viewer = await client.auth.viewer();
        const seminars = await client.seminars.list({ first: 5 });
        // The SDK sends an Idempotency-Key with a mutation: one more header the preflight must allow.
        const refused = await client.organizations.create({ name: '', type: 'NGO', countryCode: 'UZ' });
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        return {
          role: viewer?.role,
          seminar: seminars.nodes[0]?.title,
          refused: refused.ok ? null : refused.userErrors[0]?.code,
          requestId: response.headers.get('x-request-id'),
        };
      },
      { url: live.endpoint, token },
    );
    expect(signedIn).toEqual({
      role: 'ADMIN',
      seminar: 'Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan',
      refused: 'INVALID',
      requestId: expect.stringMatching(/^[\w-]{8,}$/),
    });
    expect(consoleErrors).toEqual([]);

    // Still refused from the allowed origin: a header the preflight does not allow, and a simple POST,
    // which skips the preflight and meets Apollo's CSRF prevention instead.
    const refusals = await page.evaluate(async (url) => {
      const unlisted = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-unlisted': '1' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then(
        () => 'answered',
        (error: Error) => error.name,
      );
      const simple = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: 'mutation { logout { revoked } }' }),
      });
      return { unlisted, simple: { status: simple.status, body: await simple.text() } };
    }, live.endpoint);
    expect(refusals.unlisted).toBe('TypeError');
    expect(refusals.simple.status).toBe(400);
    expect(refusals.simple.body).toMatch(/Cross-Site Request Forgery/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('is refused by the browser when its origin is not on the list', async () => {
    const { page, consoleErrors, pageErrors } = await openAt(other);
    const outcome = await page.evaluate(
      async ({ url, token }) => {
        const { sdk } = window as unknown as { sdk: Sdk };
        const client = sdk.createClient({ url, token, retry: false });
        return client.seminars.list({ first: 5 }).then(
          () => 'answered',
          (error: unknown) => (error instanceof sdk.NetworkError ? 'NetworkError' : String(error)),
        );
      },
      { url: live.endpoint, token },
    );
    expect(outcome).toBe('NetworkError');
    expect(consoleErrors.join('\n')).toMatch(/blocked by CORS policy/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
