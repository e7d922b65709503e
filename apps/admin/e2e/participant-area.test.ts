import { type Client, createClient, unwrap } from '@seminarhub/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signInWith, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// A participant's own area in Chromium: a participant of the example seminar (in Seoul) with a browser in
// New York, offered a place in one new seminar and applying to another.
let live: LiveAdmin;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: Client;
let problems: string[] = [];
let personId: string;
let exampleId: string;
let offeredId: string;
let appliedId: string;
let account: { email: string; password: string };

/** A published seminar of the example's programme, with the person enrolled and, when `accept`, offered a place. */
async function seminarWith(code: string, title: string, accept: boolean) {
  const example = (await admin.seminars.get(exampleId))!;
  let seminar = unwrap(
    await admin.seminars.create({
      programId: example.program.id,
      title,
      code,
      startDate: '2027-04-12',
      endDate: '2027-04-16',
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
      city: 'Seoul',
    }),
  ).seminar!;
  seminar = unwrap(await admin.seminars.publish({ id: seminar.id, version: seminar.version })).seminar!;
  const applied = unwrap(await admin.enrollments.apply({ seminarId: seminar.id, personId })).enrollment!;
  if (accept) unwrap(await admin.enrollments.accept({ id: applied.id, version: applied.version }));
  return seminar.id;
}

/** The person's enrollment in a seminar, as staff read it. */
async function enrollmentIn(seminarId: string) {
  const filter = { seminarId: { eq: seminarId }, personId: { eq: personId } };
  return (await admin.enrollments.list({ first: 1, filter })).nodes[0]!;
}

const card = (title: string) => page.getByTestId('my-seminar').filter({ hasText: title });

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  exampleId = (await admin.seminars.list({ first: 1, search: 'Capacity Civil Servants Uzbekistan' })).nodes[0]!.id;
  personId = (await admin.people.list({ first: 1, search: 'Feruza Azimova' })).nodes[0]!.id;
  offeredId = await seminarWith('CIAT-2027-AI', 'Artificial intelligence for public services', true);
  appliedId = await seminarWith('CIAT-2027-DATA', 'Open data in local government', false);
  account = await live.account('PARTICIPANT', { personId });
  // The browser is in New York; the seminars are in Seoul.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' });
  page = await context.newPage();
  problems = watchProblems(page);
  await signInWith(page, live, account, 'PARTICIPANT');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe("a participant's own area", () => {
  it('lands on My seminars, next to My proposals, with each enrollment as the API has it', async () => {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['My seminars', 'My proposals']);
    await expect.poll(() => page.getByTestId('my-seminar').count()).toBe(3);
    for (const [seminarId, status] of [
      [exampleId, 'Completed'],
      [offeredId, 'Accepted'],
      [appliedId, 'Applied'],
    ] as const) {
      const seminar = (await admin.seminars.get(seminarId))!;
      expect(await card(seminar.title).getByTestId('my-enrollment-status').textContent()).toBe(status);
    }
    // The completed seminar offers no step; the applied one only withdrawing.
    expect(await card('Uzbekistan').getByRole('button').count()).toBe(0);
    expect(await card('Open data').getByRole('button').allTextContents()).toEqual(['Withdraw']);
    await screenshot(page, 'my-seminars');
  });

  it('confirms an offered place', async () => {
    await card('Artificial intelligence').getByRole('button', { name: 'Confirm my place' }).click();
    await expect
      .poll(() => card('Artificial intelligence').getByTestId('my-enrollment-status').textContent())
      .toBe('Confirmed');
    expect((await enrollmentIn(offeredId)).status).toBe('CONFIRMED');
  });

  it('withdraws from another seminar, after saying so', async () => {
    await card('Open data').getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw from this seminar?' });
    await dialog.waitFor();
    await screenshot(page, 'my-seminars-withdraw');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => card('Open data').getByTestId('my-enrollment-status').textContent()).toBe('Withdrawn');
    expect((await enrollmentIn(appliedId)).status).toBe('WITHDRAWN');
    expect(await card('Open data').getByRole('button').count()).toBe(0);
  });

  it("opens the example seminar's agenda in Seoul time, with their attendance, from a browser in New York", async () => {
    const example = (await admin.seminars.get(exampleId))!;
    await card('Uzbekistan').getByRole('link', { name: example.title }).click();
    await page.waitForURL(`**/admin/my-seminars/${exampleId}`);
    const sessions = (await admin.sessions.list({ first: 100, filter: { seminarId: { eq: exampleId } } })).nodes;
    const rows = page.getByTestId('agenda-session');
    await expect.poll(() => rows.count()).toBe(sessions.length);
    const first = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]!;
    const seoul = `${first.startsAtLocal.slice(11, 16)}–${first.endsAtLocal.slice(11, 16)}`;
    const newYork = new Date(first.startsAt).toLocaleTimeString('en-GB', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(newYork).not.toBe(first.startsAtLocal.slice(11, 16));
    expect(await rows.filter({ hasText: first.title }).first().textContent()).toContain(seoul);
    expect(await page.getByText('times in Asia/Seoul').count()).toBe(1);

    // Their own attendance, as recorded: excused at the cultural visit, and so no feedback offered there.
    const mine = await enrollmentIn(exampleId);
    const present = mine.attendance.filter((a) => a.status === 'PRESENT' || a.status === 'LATE').length;
    expect(await page.getByTestId('my-attendance-summary').textContent()).toBe(
      `Attended ${present} of the ${mine.attendance.length} sessions recorded.`,
    );
    const excused = sessions.find((s) =>
      mine.attendance.some((a) => a.session?.id === s.id && a.status === 'EXCUSED'),
    )!;
    const excusedRow = rows.filter({ hasText: excused.title });
    expect(await excusedRow.getByTestId('my-attendance').textContent()).toBe('Excused');
    expect(await excusedRow.getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('my-attendance').count()).toBe(mine.attendance.length);
    await screenshot(page, 'my-seminar');
  });

  it('gives feedback on a session they attended, changes what they gave before, and rates the seminar anonymously', async () => {
    const mine = await enrollmentIn(exampleId);
    const sessions = (await admin.sessions.list({ first: 100, filter: { seminarId: { eq: exampleId } } })).nodes;
    const rated = new Set(mine.feedback.map((f) => f.session?.id));
    const attended = sessions.filter(
      (s) => !rated.has(s.id) && mine.attendance.some((a) => a.session?.id === s.id && a.status === 'PRESENT'),
    );
    const session = attended[0]!;
    const before = mine.feedback.find((f) => f.session)!;

    await page.getByRole('button', { name: `Give feedback on ${session.title}`, exact: true }).click();
    let form = page.getByRole('form', { name: 'Session feedback' });
    await form.getByRole('radio', { name: '4' }).check();
    await form
      .getByRole('textbox', { name: 'Comment' })
      .fill('The cases from Korean ministries were the most useful part.');
    await screenshot(page, 'my-seminar-feedback');
    await form.getByRole('button', { name: 'Give feedback' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('agenda-session').filter({ hasText: session.title });
    await expect.poll(() => row.getByTestId('my-feedback').textContent()).toContain('Your rating: 4 / 5');

    // What they gave before, from the seed, changed.
    await page.getByRole('button', { name: `Change my feedback on ${before.session!.title}` }).click();
    form = page.getByRole('form', { name: 'Session feedback' });
    expect(await form.getByRole('radio', { name: String(before.rating) }).isChecked()).toBe(true);
    await form.getByRole('radio', { name: '5' }).check();
    await form.getByRole('button', { name: 'Save feedback' }).click();
    await form.waitFor({ state: 'detached' });

    // The seminar as a whole, anonymously.
    const example = (await admin.seminars.get(exampleId))!;
    await page.getByRole('button', { name: `Give feedback on ${example.title}`, exact: true }).click();
    form = page.getByRole('form', { name: 'Seminar feedback' });
    await form.getByRole('radio', { name: '5' }).check();
    await form.getByRole('checkbox', { name: 'Give anonymously' }).check();
    await form.getByRole('button', { name: 'Give feedback' }).click();
    const whole = page.getByRole('region', { name: 'The seminar as a whole' });
    await expect.poll(() => whole.getByTestId('my-feedback').textContent()).toContain('Anonymous');
    await screenshot(page, 'my-seminar-after-feedback');

    // As the API has it: staff see the named ratings, never the anonymous one; the participant sees all three.
    const token = unwrap(
      await createClient({ url: live.endpoint }).auth.login({ email: account.email, password: account.password }),
    ).token!;
    const own = createClient({ url: live.endpoint, token });
    const theirs = (await own.enrollments.list({ first: 1, filter: { seminarId: { eq: exampleId } } })).nodes[0]!;
    const by = (id: string | null) => theirs.feedback.find((f) => (f.session?.id ?? null) === id);
    expect(by(session.id)).toMatchObject({ rating: 4, anonymous: false });
    expect(by(before.session!.id)).toMatchObject({ rating: 5, comment: before.comment });
    expect(by(null)).toMatchObject({ rating: 5, anonymous: true });
    const staffView = (await enrollmentIn(exampleId)).feedback;
    expect(staffView.some((f) => f.session === null)).toBe(false);
  });

  it('is taken to their own page from the staff address, and refused the staff tabs', async () => {
    await page.goto(`${live.api.url}/admin/seminars/${exampleId}`);
    await page.waitForURL(`**/admin/my-seminars/${exampleId}`);
    for (const tab of ['enrollments', 'attendance', 'feedback', 'proposals']) {
      await page.goto(`${live.api.url}/admin/seminars/${exampleId}/${tab}`);
      await page.getByText('Your account may not open this page.').waitFor();
      expect(await page.getByRole('tab').count()).toBe(0);
    }
    await screenshot(page, 'participant-refused-staff-tab');
    expect(problems).toEqual([]);
  });
});

describe("a reviewer on a seminar's page", () => {
  it('sees the agenda without the staff tabs, and is refused them by address', async () => {
    const reviewer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reviewerPage = await reviewer.newPage();
    const seen = watchProblems(reviewerPage);
    const expert = unwrap(await admin.people.create({ givenName: 'Expert', familyName: 'Onlooker' })).person!.id;
    await signInWith(reviewerPage, live, await live.account('REVIEWER', { personId: expert }), 'REVIEWER');
    await reviewerPage.goto(`${live.api.url}/admin/seminars/${exampleId}`);
    await reviewerPage.getByTestId('agenda-session').first().waitFor();
    expect(await reviewerPage.getByRole('tab').count()).toBe(0);
    await reviewerPage.goto(`${live.api.url}/admin/seminars/${exampleId}/enrollments`);
    await reviewerPage.getByText('Your account may not open this page.').waitFor();
    await reviewer.close();
    expect(seen).toEqual([]);
  });
});
