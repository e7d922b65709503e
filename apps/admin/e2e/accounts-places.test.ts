import { type Client, createClient, UnauthenticatedError, unwrap } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { launchBrowser, screenshot, signIn, signInWith, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// Accounts and places, run from the browser by an administrator, and a new coordinator's first sign-in.
let live: LiveAdmin;
let browser: Browser;
let page: Page;
let problems: string[];
let admin: Client;
let anonymous: Client;
let person: { id: string; fullName: string };
let seminar: { id: string; code: string | null; title: string };
let placeName: string;
const COORDINATOR = 'coordinator.kim@accounts-test.example';
let generated = '';

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  anonymous = createClient({ url: live.endpoint });
  person = unwrap(
    await admin.people.create({ givenName: 'Min-jun', familyName: 'Kimberly', jobTitle: 'Programme officer' }),
  ).person!;
  seminar = unwrap(
    await admin.seminars.create({
      programId: (await admin.programs.list({ first: 1 })).nodes[0]!.id,
      title: 'Smart city planning, autumn cohort',
      code: 'SMART-2026-AUT',
      startDate: '2026-10-12',
      endDate: '2026-10-23',
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
    }),
  ).seminar!;
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(10_000);
  problems = watchProblems(page);
  await signIn(page, live);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
const accountOf = async (email: string) =>
  (await admin.users.list({ first: 1, filter: { email: { eq: email } } })).nodes[0]!;
const signsIn = async (email: string, password: string) => (await anonymous.auth.login({ email, password })).ok;

async function choose(scope: ReturnType<Page['getByRole']>, label: RegExp, option: string | RegExp, typed?: string) {
  const input = scope.locator('input').and(scope.getByLabel(label)).first();
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

async function openAccount(email: string) {
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill(email.split('@')[0]!);
  await page.getByRole('button', { name: email }).click();
  await dialog('Account').getByTestId('account-email').waitFor();
}

describe('accounts', () => {
  it('creates a coordinator linked to a person, with a generated password shown once', async () => {
    onTestFailed(() => screenshot(page, 'failed-account-create'));
    await page.getByRole('link', { name: 'Accounts' }).click();
    const total = (await admin.users.list({ first: 0 })).totalCount;
    await expect.poll(() => page.getByTestId('accounts-total').textContent()).toBe(`${total} in all`);
    await screenshot(page, 'accounts');

    await page.getByRole('button', { name: 'New account' }).click();
    const form = dialog('New account');
    await form.getByLabel(/^Email/).fill(COORDINATOR);
    await choose(form, /^Role/, 'Coordinator');
    await choose(form, /^Person/, /Min-jun Kimberly/, 'Kimberly');
    await screenshot(page, 'account-create');
    await form.getByRole('button', { name: 'Create account' }).click();

    const shown = page.getByTestId('generated-password');
    await shown.waitFor();
    generated = (await shown.textContent())!.trim();
    expect(generated).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await screenshot(page, 'account-password-once');
    await page.getByRole('button', { name: 'I have handed it over' }).click();
    await shown.waitFor({ state: 'detached' });

    expect(await accountOf(COORDINATOR)).toMatchObject({ role: 'COORDINATOR', person: { id: person.id } });
    expect(await signsIn(COORDINATOR, generated)).toBe(true);
  });

  it('assigns the coordinator a seminar in the drawer, and refuses a second account for the same person', async () => {
    onTestFailed(() => screenshot(page, 'failed-account-assign'));
    // The account's drawer opened with it.
    const drawer = dialog('Account');
    await expect.poll(() => drawer.getByTestId('account-email').textContent()).toBe(COORDINATOR);
    await choose(drawer, /^Single seminars/, /Smart city planning/, 'Smart');
    await drawer.getByRole('heading', { name: 'Coordinator assignments' }).click();
    await drawer.getByRole('button', { name: 'Save assignments' }).click();
    await expect
      .poll(async () => (await accountOf(COORDINATOR)).coordinatedSeminars.map((s) => s.id))
      .toEqual([seminar.id]);
    await screenshot(page, 'account-drawer');
    await drawer.getByRole('button', { name: 'Close the editor' }).click();
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: COORDINATOR }).textContent())
      .toContain('SMART-2026-AUT');

    const other = await live.account('PARTICIPANT');
    await openAccount(other.email);
    await choose(dialog('Account'), /^Person/, /Min-jun Kimberly/, 'Kimberly');
    await dialog('Account').getByRole('button', { name: 'Save account' }).click();
    await dialog('Account').getByText(`This person already has an account (${COORDINATOR}).`).waitFor();
    expect((await accountOf(other.email)).person).toBeNull();
    await dialog('Account').getByRole('button', { name: 'Close the editor' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
  });

  it('resets a password, signing the account out, then disables it', async () => {
    onTestFailed(() => screenshot(page, 'failed-account-reset'));
    const participant = await live.account('PARTICIPANT');
    const signedIn = createClient({
      url: live.endpoint,
      token: unwrap(await anonymous.auth.login({ email: participant.email, password: participant.password })).token!,
    });
    await openAccount(participant.email);
    await dialog('Account').getByRole('button', { name: 'Reset password' }).click();
    const reset = dialog(/^Reset the password/);
    await reset.getByText('Type a password').click();
    await reset.getByLabel(/^New password/).fill('short');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await reset.getByText('Use at least 12 characters.').waitFor();
    expect(await signsIn(participant.email, participant.password)).toBe(true);
    await reset.getByLabel(/^New password/).fill('a password handed over');
    await screenshot(page, 'password-reset');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await page.getByText(`The password of ${participant.email} is changed; it is signed out everywhere.`).waitFor();
    await expect(signedIn.auth.viewer()).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await signsIn(participant.email, participant.password)).toBe(false);
    expect(await signsIn(participant.email, 'a password handed over')).toBe(true);

    await dialog('Account').getByRole('button', { name: 'Disable account' }).click();
    await dialog('Disable this account?').getByRole('button', { name: 'Disable account' }).click();
    await expect.poll(() => dialog('Account').getByTestId('account-status').textContent()).toBe('Disabled');
    expect((await accountOf(participant.email)).disabledAt).not.toBeNull();
    expect(await signsIn(participant.email, 'a password handed over')).toBe(false);
    await dialog('Account').getByRole('button', { name: 'Close the editor' }).click();
  });

  it('the new coordinator signs in, changes their own password, and manages the seminar assigned', async () => {
    const own = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const ownProblems = watchProblems(own);
    try {
      await signInWith(own, live, { email: COORDINATOR, password: generated }, 'COORDINATOR');
      expect(await own.getByRole('link', { name: 'Accounts' }).count()).toBe(0);
      await own.getByRole('button', { name: 'Account' }).click();
      await own.getByRole('menuitem', { name: 'Change password' }).click();
      const change = own.getByRole('dialog', { name: 'Change your password' });
      await change.getByLabel(/^Current password/).fill(generated);
      await change.getByLabel(/^New password(?! again)/).fill('my own password now');
      await change.getByLabel(/^New password again/).fill('my own password now');
      await screenshot(own, 'password-change');
      await change.getByRole('button', { name: 'Change password' }).click();
      await own.getByText(/^Your password is changed/).waitFor();
      expect(await signsIn(COORDINATOR, generated)).toBe(false);
      expect(await signsIn(COORDINATOR, 'my own password now')).toBe(true);

      await own.getByRole('link', { name: 'Seminars' }).click();
      await own.getByRole('link', { name: /Smart city planning/ }).waitFor();
      expect(ownProblems).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('places', () => {
  it('lists places, records one in the editor, and shows the refusal to delete one in use', async () => {
    onTestFailed(() => screenshot(page, 'failed-places'));
    await page.getByRole('link', { name: 'Places' }).click();
    const total = (await admin.places.list({ first: 0 })).totalCount;
    await expect.poll(() => page.getByTestId('places-total').textContent()).toBe(`${total} in all`);
    await screenshot(page, 'places');

    await page.getByRole('button', { name: 'New place' }).click();
    const editor = dialog('New place');
    placeName = 'Songdo Convensia, Hall B';
    await editor.getByLabel(/^Name/).fill(placeName);
    await choose(editor, /^Kind/, 'Venue');
    await editor.getByLabel(/^City/).fill('Incheon');
    await editor.getByLabel(/^Country/).fill('kr');
    await screenshot(page, 'place-editor');
    await editor.getByRole('button', { name: 'Create place' }).click();
    await editor.waitFor({ state: 'detached' });
    expect((await admin.places.list({ first: 1, search: 'Songdo' })).nodes[0]).toMatchObject({
      name: placeName,
      city: 'Incheon',
      countryCode: 'KR',
    });

    const used = (await admin.sessions.list({ first: 100 })).nodes.find((session) => session.place)!.place!;
    await page.getByRole('textbox', { name: 'Search' }).fill(used.name);
    await page.getByRole('button', { name: used.name }).first().click();
    await dialog('Edit place').getByRole('button', { name: 'Delete place' }).click();
    await page.getByText(/session\(s\) are held at the place; deleting it would lose where they took place/).waitFor();
    expect(await admin.places.get(used.id)).not.toBeNull();
    await dialog('Edit place').getByRole('button', { name: 'Close the editor' }).click();
  });

  it('the session editor picks a place, and records a new one without leaving', async () => {
    onTestFailed(() => screenshot(page, 'failed-session-place'));
    await page.goto(`${live.api.url}/admin/seminars/${seminar.id}`);
    await page.getByRole('button', { name: 'Add session' }).click();
    const editor = dialog('Add a session');
    await editor.getByLabel(/^Title/).fill('Site visit: the integrated operations centre');
    await choose(editor, /^Place/, /Songdo Convensia, Hall B/, 'Songdo');
    await expect
      .poll(() =>
        editor
          .locator('input')
          .and(editor.getByLabel(/^Place/))
          .inputValue(),
      )
      .toBe('Songdo Convensia, Hall B, Incheon');

    await editor.getByRole('button', { name: 'Not listed? Record a new place' }).click();
    const place = dialog('New place');
    await place.getByLabel(/^Name/).fill('Incheon Smart City Operations Centre');
    await choose(place, /^Kind/, 'Site');
    await place.getByLabel(/^City/).fill('Incheon');
    await place.getByLabel(/^Country/).fill('kr');
    await screenshot(page, 'session-editor-new-place');
    await place.getByRole('button', { name: 'Create place' }).click();
    await place.waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        editor
          .locator('input')
          .and(editor.getByLabel(/^Place/))
          .inputValue(),
      )
      .toBe('Incheon Smart City Operations Centre, Incheon');
    await screenshot(page, 'session-editor-place');
    await editor.getByRole('button', { name: 'Add session' }).click();
    await editor.waitFor({ state: 'detached' });
    const [session] = (await admin.sessions.list({ first: 5, filter: { seminarId: { eq: seminar.id } } })).nodes;
    expect(session).toMatchObject({
      title: 'Site visit: the integrated operations centre',
      place: { name: 'Incheon Smart City Operations Centre' },
    });
    expect(problems).toEqual([]);
  });
});
