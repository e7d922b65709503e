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

  it('records an organization and a person working there in their editors, with the API’s refusals shown', async () => {
    await page.getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('button', { name: 'New organization' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(/^Name/).fill('Fergana Region Digital Development Centre');
    await drawer.getByLabel(/^Acronym/).fill('FRDDC');
    await drawer.getByRole('combobox', { name: /^Type/ }).click();
    await page.getByRole('option', { name: 'Local government' }).click();
    await drawer.getByLabel(/^Country/).fill('xu');
    await drawer.getByRole('button', { name: 'Create organization' }).click();
    await drawer.getByText(/ISO 3166-1 alpha-2/).waitFor();
    expect((await admin.organizations.list({ first: 0, search: 'Fergana Region' })).totalCount).toBe(0);
    await drawer.getByLabel(/^Country/).fill('uz');
    await drawer.getByRole('button', { name: 'Create organization' }).click();
    await drawer.waitFor({ state: 'detached' });
    const [centre] = (await admin.organizations.list({ first: 1, search: 'Fergana Region' })).nodes;
    expect(centre).toMatchObject({ acronym: 'FRDDC', type: 'LOCAL_GOVERNMENT', countryCode: 'UZ' });

    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'New person' }).click();
    await drawer.getByLabel(/^Given name/).fill('Dilfuza');
    await drawer.getByLabel(/^Family name/).fill('Rahimova');
    const organization = drawer.getByRole('combobox', { name: /^Organization/ });
    await organization.click();
    await organization.fill('Fergana');
    await page.getByRole('option', { name: /Fergana Region Digital Development Centre/ }).click();
    await drawer.getByLabel(/^Job title/).fill('Head of e-services');
    await screenshot(page, 'person-editor');
    await drawer.getByRole('button', { name: 'Create person' }).click();
    await drawer.waitFor({ state: 'detached' });
    const [person] = (await admin.people.list({ first: 1, search: 'Rahimova' })).nodes;
    expect(person).toMatchObject({
      givenName: 'Dilfuza',
      jobTitle: 'Head of e-services',
      organization: { id: centre!.id },
    });

    // Changed in the editor: only the job title is sent, and the list shows it.
    await page.getByRole('textbox', { name: 'Search' }).fill('Rahimova');
    await page.getByRole('button', { name: 'Rahimova' }).click();
    await drawer.getByLabel(/^Job title/).fill('Director of e-services');
    await drawer.getByRole('button', { name: 'Save person' }).click();
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('people-row').first().textContent()).toContain('Director of e-services');

    // The centre has a person working there: the API refuses to delete it, and says why.
    await page.getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('textbox', { name: 'Search' }).fill('Fergana Region');
    await page.getByRole('button', { name: 'Fergana Region Digital Development Centre' }).click();
    await drawer.getByRole('button', { name: 'Delete organization' }).click();
    await page.getByText(/^The organization is referred to by/).waitFor();
    expect(await page.getByText(/^The organization is referred to by/).textContent()).toMatch(/deleting it would lose/);
    expect(await admin.organizations.get(centre!.id)).not.toBeNull();
  });
});
