import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';

// Debian's Chromium, never a downloaded browser. CI installs it; see docs/TESTING.md.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  api = await startTestApi();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('GraphiQL in a browser', () => {
  it('opens at /graphql with the example query, runs it under its CSP without an error, and fetches nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    // A script or style the page's policy refuses is reported here, not as a page error.
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });

    await page.goto(`${api.url}/graphql`);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.graphiql-query-editor').textContent()).toContain('seminars(first: 5)');

    const answered = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('seminars(first: 5)'),
    );
    await run.click();
    const body = await (await answered).json();
    expect(body.errors).toBeUndefined();
    const titles = body.data.seminars.nodes[0].sessions.nodes.map((session: { title: string }) => session.title);
    expect(titles).toContain('Key Technologies of E-Government');
    // The response pane renders only its visible lines; the seminar's title is near the top.
    await expect
      .poll(() => page.locator('.graphiql-response').textContent(), { timeout: 15_000 })
      .toContain('Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan');

    expect(failures).toEqual([]);
    expect(requested.filter((url) => !url.startsWith(api.url) && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
