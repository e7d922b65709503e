import { type Client, createClient, UnauthenticatedError, unwrap } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, signInWith, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// The audit log and API keys of the built admin in Chromium, and what a coordinator is not offered.
let live: LiveAdmin;
let browser: Browser;
let page: Page;
let admin: Client;
let adminEmail: string;
let problems: string[] = [];

const rows = () => page.getByTestId('audit-row');

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = watchProblems(page);
  // One administrator, in the browser and through the SDK, so that the audit trail names the one who signed in.
  const account = await live.account('ADMIN');
  adminEmail = await signInWith(page, live, account);
  const login = unwrap(
    await createClient({ url: live.endpoint }).auth.login({ email: account.email, password: account.password }),
  );
  admin = createClient({ url: live.endpoint, token: login.token! });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('the audit log', () => {
  it('lists the programme just created, by whom, with its fields in the details', async () => {
    const koica = (await admin.organizations.list({ first: 1, search: 'Korea International Cooperation' })).nodes[0]!;
    const program = unwrap(
      await admin.programs.create({
        code: 'AUDIT-2026',
        title: 'Audited programme',
        sector: 'Public finance',
        funderId: koica.id,
        implementerId: koica.id,
      }),
    ).program!;
    unwrap(await admin.programs.update({ id: program.id, version: program.version, sector: 'Digital public finance' }));

    await page.getByRole('link', { name: 'Audit log' }).click();
    const all = (await admin.auditEvents.list({ first: 0 })).totalCount;
    await expect.poll(() => page.getByTestId('audit-total').textContent()).toBe(`${all.toLocaleString('en')} in all`);
    // The latest change first: the update, then the creation.
    await expect.poll(async () => (await rows().first().textContent()) ?? '').toContain('program.update');
    expect(await rows().nth(1).textContent()).toContain('program.create');
    expect(await rows().nth(1).textContent()).toContain(adminEmail);
    expect(await rows().nth(1).textContent()).toContain('Audited programme');

    // Chips: programmes, created.
    await page.getByRole('group', { name: 'Entity' }).getByText('Program', { exact: true }).click();
    await page.getByRole('group', { name: 'Change' }).getByText('Created', { exact: true }).click();
    const created = await admin.auditEvents.list({
      first: 100,
      filter: { entityType: 'Program', action: { eq: 'program.create' } },
    });
    await expect.poll(() => page.getByTestId('audit-total').textContent()).toBe(`${created.totalCount} in all`);
    expect(await rows().first().textContent()).toContain('Audited programme');

    await rows()
      .first()
      .getByRole('button', { name: /^Details/ })
      .click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    const fields = Object.fromEntries(
      await diff
        .getByTestId('audit-diff-row')
        .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[2]!.textContent])),
    );
    expect(fields).toMatchObject({ code: 'AUDIT-2026', title: 'Audited programme', sector: 'Public finance' });
    await page.keyboard.press('Escape');

    // The update shows before and after.
    await page.getByRole('group', { name: 'Change' }).getByText('Created', { exact: true }).click();
    await page.getByRole('group', { name: 'Change' }).getByText('Updated', { exact: true }).click();
    await expect.poll(async () => (await rows().first().textContent()) ?? '').toContain('program.update');
    await rows()
      .first()
      .getByRole('button', { name: /^Details/ })
      .click();
    const sector = page.getByTestId('audit-diff-row').filter({ hasText: /^sector/ });
    await expect
      .poll(() => sector.locator('td').allTextContents())
      .toEqual(['sector', 'Public finance', 'Digital public finance']);
    await screenshot(page, 'audit-log');
    await page.keyboard.press('Escape');
  });

  it('narrows to a date range the API filters by', async () => {
    await page.goto(`${live.api.url}/admin/audit?from=2000-01-01&to=2000-12-31`);
    await page.getByText('Nothing matches this search and these filters.').waitFor();
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await page.goto(`${live.api.url}/admin/audit?from=${day}&entity=Program`);
    const from = new Date(`${day}T00:00:00`).toISOString();
    const expected = await admin.auditEvents.list({ first: 0, filter: { entityType: 'Program', from } });
    expect(expected.totalCount).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('audit-total').textContent()).toBe(`${expected.totalCount} in all`);
  });
});

describe('API keys', () => {
  it('creates a key, shows its secret once, and the key reads through the SDK until it is revoked', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'New API key' }).click();
    const form = page.getByRole('form', { name: 'New API key' });
    await form.getByRole('textbox', { name: /^Name/ }).fill('JICA reporting dashboard');
    await form.getByText('Read', { exact: true }).click();
    await form.getByRole('button', { name: 'Create key' }).click();

    const secretBox = page.getByTestId('api-key-secret');
    await secretBox.waitFor();
    await page.getByText('Copy the secret now: it is shown only this once').waitFor();
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    const secret = (await secretBox.textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, 'api-keys');
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    await secretBox.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    const row = page.getByTestId('api-keys-row').filter({ hasText: 'JICA reporting dashboard' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Read');
    expect(await row.getByTestId('api-key-status').textContent()).toBe('Active');
    const [key] = (await admin.apiKeys.list({ first: 1, filter: { name: { eq: 'JICA reporting dashboard' } } })).nodes;
    expect(secret.startsWith(key!.prefix)).toBe(true);
    expect(await row.textContent()).toContain(key!.prefix);

    // The key reads through the SDK.
    const partner = createClient({ url: live.endpoint, token: secret, retry: false });
    expect((await partner.programs.list({ first: 1 })).totalCount).toBeGreaterThan(0);
    expect((await partner.auth.viewer()).kind).toBe('API_KEY');

    // Its use shows after a reload.
    await expect
      .poll(
        async () => (await admin.apiKeys.list({ first: 1, filter: { name: { eq: key!.name } } })).nodes[0]!.lastUsedAt,
      )
      .toBeTruthy();
    await page.reload();
    await expect.poll(() => row.locator('td').nth(4).textContent()).not.toBe('Never');

    await row.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke this API key?' })
      .getByRole('button', { name: 'Revoke key' })
      .click();
    await expect.poll(async () => (await row.getByTestId('api-key-status').textContent()) ?? '').toMatch(/^Revoked/);
    expect(
      (await admin.apiKeys.list({ first: 1, filter: { name: { eq: 'JICA reporting dashboard' } } })).nodes[0]!
        .revokedAt,
    ).toBeTruthy();
    await expect(partner.programs.list({ first: 1 })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('loaded every screen without a console error or a failed request', () => {
    // The revoked key's refusal above was the SDK's request, not the page's.
    expect(problems).toEqual([]);
  });
});

describe('a coordinator', () => {
  it('is offered neither the audit log nor API keys, and is told so at their addresses', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const coordinator = await context.newPage();
    const seen: string[] = [];
    coordinator.on('response', (response) => {
      if (response.status() >= 400) seen.push(`${response.status()} ${response.url()}`);
    });
    await signIn(coordinator, live, 'COORDINATOR');
    const nav = coordinator.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Programmes' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Dashboard',
      'Seminars',
      'Programmes',
      'Follow-up',
      'Organizations',
      'People',
      'Places',
    ]);
    for (const path of ['audit', 'api-keys']) {
      await coordinator.goto(`${live.api.url}/admin/${path}`);
      await coordinator.getByText('Your account may not open this page.').waitFor();
    }
    // Coordinators change programmes but do not set them up.
    await coordinator.goto(`${live.api.url}/admin/programs`);
    await coordinator.getByTestId('programs-row').first().waitFor();
    expect(await coordinator.getByRole('link', { name: 'New programme' }).count()).toBe(0);
    expect(seen).toEqual([]);
    await context.close();
  });
});
