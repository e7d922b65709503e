import { createClient } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// The organizations and people of the example seminar, listed by the built admin in Chromium.
let live: LiveAdmin;
let browser: Browser;
let page: Page;
let admin: ReturnType<typeof createClient>;

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, live);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('organizations and people', () => {
  it('lists organizations, filtered by type with a chip, as the API counts them', async () => {
    await page.getByRole('link', { name: 'Organizations' }).click();
    const all = (await admin.organizations.list({ first: 1 })).totalCount;
    await expect.poll(() => page.getByTestId('organizations-total').textContent()).toBe(`${all} in all`);
    const ministries = await admin.organizations.list({ first: 100, filter: { type: { eq: 'MINISTRY' } } });
    expect(ministries.totalCount).toBeGreaterThan(0);
    await page.getByRole('group', { name: 'Type' }).getByText('Ministry', { exact: true }).click();
    await expect.poll(() => page.getByTestId('organizations-row').count()).toBe(ministries.totalCount);
    const names = await page.getByTestId('organizations-row').locator('td:first-child').allTextContents();
    expect(names.sort()).toEqual(ministries.nodes.map((organization) => organization.name).sort());
    expect(new URL(page.url()).searchParams.get('type')).toBe('MINISTRY');
    await screenshot(page, 'organizations');
  });

  it('finds a person by the beginning of their name, with the personal details an administrator may read', async () => {
    await page.getByRole('link', { name: 'People' }).click();
    const people = (await admin.people.list({ first: 100 })).nodes;
    const person = people.find((candidate) => candidate.email) ?? people[0]!;
    await expect.poll(() => page.getByTestId('people-total').textContent()).toBe(`${people.length} in all`);
    await page.getByRole('textbox', { name: 'Search' }).fill(person.familyName.slice(0, 4));
    await expect
      .poll(() => page.getByTestId('people-row').filter({ hasText: person.givenName }).count())
      .toBeGreaterThan(0);
    const row = page.getByTestId('people-row').filter({ hasText: person.givenName }).first();
    if (person.email) expect(await row.textContent()).toContain(person.email);
    await screenshot(page, 'people');
  });

  it('filters people through their organization: a chip for the organization’s type', async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('');
    const ministries = await admin.people.list({ first: 100, filter: { organization: { type: { eq: 'MINISTRY' } } } });
    const all = (await admin.people.list({ first: 0 })).totalCount;
    expect(ministries.totalCount).toBeGreaterThan(0);
    expect(ministries.totalCount).toBeLessThan(all);
    await page.getByRole('group', { name: 'Organization' }).getByText('Ministry', { exact: true }).click();
    await expect.poll(() => page.getByTestId('people-total').textContent()).toBe(`${ministries.totalCount} in all`);
    expect(new URL(page.url()).searchParams.get('orgType')).toBe('MINISTRY');
    const names = await page.getByTestId('people-row').locator('td:first-child').allTextContents();
    expect(names.sort()).toEqual(
      ministries.nodes
        .slice(0, 20)
        .map((p) => p.familyName)
        .sort(),
    );
  });
});
