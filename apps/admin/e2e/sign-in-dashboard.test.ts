import { createClient } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot as save, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// The built admin, served by the real API at /admin, in Chromium.
let live: LiveAdmin;
let browser: Browser;
let page: Page;
let problems: string[] = [];
const screenshot = (name: string) => save(page, name);

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The 401 of the sign-out check below is expected; anything else failing is a defect.
  problems = watchProblems(page, { expectedStatuses: [401] });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('the admin UI, served by the API', () => {
  it('sends a visitor without a session to sign-in, under a strict Content-Security-Policy', async () => {
    const response = await page.goto(`${live.api.url}/admin`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await screenshot('sign-in');
  });

  it('refuses a wrong password with the API’s message', async () => {
    const { email } = await live.account('ADMIN');
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.locator('input[name="password"]').fill('wrong password, surely');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/email or password/i);
  });

  it('signs an administrator in to a dashboard whose figures are the API’s', async () => {
    const { email, password } = await live.account('ADMIN');
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expect.poll(() => page.getByTestId('viewer-email').textContent()).toBe(email);

    const admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
    const expected = {
      seminars: (await admin.seminars.list({ first: 1 })).totalCount,
      enrollments: (await admin.enrollments.list({ first: 1 })).totalCount,
      organizations: (await admin.organizations.list({ first: 1 })).totalCount,
      people: (await admin.people.list({ first: 1 })).totalCount,
      proposals: (await admin.proposals.list({ first: 1 })).totalCount,
    };
    for (const [key, value] of Object.entries(expected)) {
      await expect
        .poll(() => page.getByTestId(`figure-${key}`).getByTestId('figure-value').textContent())
        .toBe(value.toLocaleString('en'));
    }
    expect(expected.enrollments).toBeGreaterThan(0);
    const commended = (await admin.proposals.list({ first: 1, filter: { status: { eq: 'COMMENDED' } } })).totalCount;
    expect(commended).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page.getByTestId('by-status-row').filter({ hasText: 'Commended' }).getByTestId('by-status-value').textContent(),
      )
      .toBe(String(commended));

    // The example seminar, chosen by default: its participants, attendance and feedback as the API counts them.
    const [seminar] = (await admin.seminars.list({ first: 1 })).nodes;
    const participating = await admin.enrollments.list({
      first: 100,
      filter: { seminarId: { eq: seminar!.id }, status: { in: ['ACCEPTED', 'CONFIRMED', 'COMPLETED'] } },
    });
    await page.getByRole('heading', { name: `Participants by organization (${participating.totalCount})` }).waitFor();
    const organizations = new Set(
      participating.nodes.map((enrollment) => enrollment.organization?.name ?? enrollment.person.organization?.name),
    );
    await expect.poll(() => page.getByTestId('by-organization-row').count()).toBe(organizations.size);
    const sexes = await page.getByTestId('by-sex-value').allTextContents();
    expect(sexes.reduce((sum, value) => sum + Number(value), 0)).toBe(participating.totalCount);
    const sessions = (await admin.sessions.list({ first: 100, filter: { seminarId: { eq: seminar!.id } } })).nodes;
    const attended = sessions.filter((session) => session.attendanceRate !== null);
    expect(attended.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(attended.length);
    const first = attended[0]!;
    await expect
      .poll(() =>
        page
          .getByTestId('attendance-row')
          .filter({ hasText: first.title })
          .first()
          .getByTestId('attendance-value')
          .textContent(),
      )
      .toBe(`${Math.round(first.attendanceRate! * 100)}%`);
    const rated = sessions.filter((session) => session.averageRating !== null);
    await expect.poll(() => page.getByTestId('feedback-row').count()).toBe(rated.length);
    await screenshot('dashboard');
  });

  it('fits a tablet: the navigation folds behind a menu button', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await screenshot('dashboard-tablet');
    await page.setViewportSize({ width: 600, height: 900 });
    await expect.poll(() => page.getByRole('button', { name: 'Toggle navigation' }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('signs out: the session ends on the server and the page returns to sign-in', async () => {
    const token = await page.evaluate(() => sessionStorage.getItem('seminarhub.session'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const revoked = createClient({ url: live.endpoint, token: token!, retry: false });
    await expect(revoked.auth.viewer()).rejects.toThrow();
    expect(problems).toEqual([]);
  });
});
