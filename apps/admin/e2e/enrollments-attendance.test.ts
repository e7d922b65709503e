import { type Client, createClient, unwrap } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// A seminar's enrollments and attendance tabs in the built admin, as an administrator. The example
// seminar is COMPLETED, and the API takes no applications to it; enrolling and accepting are shown on a
// second, PUBLISHED cohort of two places made through the SDK.
let live: LiveAdmin;
let browser: Browser;
let page: Page;
let admin: Client;
let example: { id: string };
let cohort: { id: string };
const person: Record<string, { id: string; organizationId: string }> = {};
let problems: string[] = [];

async function findPerson(name: string) {
  const [found] = (await admin.people.list({ first: 1, search: name })).nodes;
  person[name] = { id: found!.id, organizationId: found!.organization!.id };
  return found!.id;
}

async function enrollmentOf(seminarId: string, name: string) {
  const { nodes } = await admin.enrollments.list({
    first: 1,
    filter: { seminarId: { eq: seminarId }, personId: { eq: person[name]!.id } },
  });
  return nodes[0]!;
}

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  example = (await admin.seminars.list({ first: 1 })).nodes[0]!;
  const draft = unwrap(
    await admin.seminars.create({
      programId: (await admin.programs.list({ first: 1 })).nodes[0]!.id,
      title: 'Digital Transformation in Uzbekistan, second cohort',
      code: 'KOICA-CIAT-2026-UZ',
      startDate: '2026-10-11',
      endDate: '2026-10-24',
      timezone: 'Asia/Seoul',
      countryCode: 'KR',
      capacity: 2,
    }),
  ).seminar!;
  cohort = unwrap(await admin.seminars.publish({ id: draft.id, version: draft.version })).seminar!;
  for (const name of ['Nodira Yusupova', 'Ji-hoon Park', 'Dong-hyun Jung', 'Seo-yeon Lee']) await findPerson(name);
  const apply = async (name: string) =>
    unwrap(await admin.enrollments.apply({ seminarId: cohort.id, personId: person[name]!.id })).enrollment!;
  const nodira = await apply('Nodira Yusupova');
  unwrap(await admin.enrollments.accept({ id: nodira.id, version: nodira.version }));
  await apply('Ji-hoon Park');
  const dongHyun = await apply('Dong-hyun Jung');
  unwrap(await admin.enrollments.waitlist({ id: dongHyun.id, version: dongHyun.version }));

  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = watchProblems(page);
  await signIn(page, live);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

const rows = () => page.getByTestId('enrollments-row');
const total = () => page.getByTestId('enrollments-total').textContent();
const placesTaken = () => page.getByTestId('places-taken').textContent();
const rowOf = (name: string) => rows().filter({ hasText: name });

describe("a seminar's enrollments", () => {
  it("shows the example seminar's places against its capacity, and offers no enrollment to a completed seminar", async () => {
    await page.goto(`${live.api.url}/admin/seminars/${example.id}`);
    await page.getByRole('tab', { name: 'Enrollments' }).click();
    await expect.poll(placesTaken).toBe('12 of 25 taken');
    await expect.poll(total).toBe('12 in all');
    await page.getByText('The seminar is completed: it takes no new enrollments.').waitFor();
    expect(await page.getByRole('button', { name: 'Enroll a participant' }).count()).toBe(0);
    // Completed enrollments have no step left.
    expect(await page.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);
  });

  it('enrolls a participant through the form, and accepts them into a place', async () => {
    await page.goto(`${live.api.url}/admin/seminars/${cohort.id}/enrollments`);
    await expect.poll(placesTaken).toBe('1 of 2 taken');
    await expect.poll(total).toBe('3 in all');
    await expect.poll(() => page.getByTestId('waitlist').textContent()).toContain('Dong-hyun Jung');

    await page.getByRole('button', { name: 'Enroll a participant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enroll a participant' });
    // Someone already enrolled: the API's refusal shows on the field, and nothing is added.
    await dialog.getByRole('combobox', { name: 'Person' }).fill('Nodira');
    await page.getByRole('option', { name: /Nodira Yusupova/ }).click();
    await dialog.getByRole('button', { name: 'Enroll' }).click();
    await dialog.getByText('This person is already enrolled (accepted).').waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Person' }).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(total).toBe('3 in all');

    await dialog.getByRole('combobox', { name: 'Person' }).fill('Seo-yeon');
    await page.getByRole('option', { name: /Seo-yeon Lee/ }).click();
    await dialog.getByRole('button', { name: 'Enroll' }).click();
    await page.getByText('Seo-yeon Lee is enrolled, waiting for a decision.').waitFor();
    await expect.poll(total).toBe('4 in all');
    await expect.poll(() => rowOf('Seo-yeon Lee').textContent()).toContain('Applied');
    expect((await enrollmentOf(cohort.id, 'Seo-yeon Lee')).status).toBe('APPLIED');

    await page.getByRole('button', { name: 'Actions for Seo-yeon Lee' }).click();
    await page.getByRole('menuitem', { name: 'Accept' }).click();
    await page.getByText('Seo-yeon Lee is now accepted.').waitFor();
    await expect.poll(placesTaken).toBe('2 of 2 taken');
    await expect.poll(() => rowOf('Seo-yeon Lee').textContent()).toContain('Accepted');
    expect((await enrollmentOf(cohort.id, 'Seo-yeon Lee')).status).toBe('ACCEPTED');
  });

  it("shows the API's refusal to accept beyond the capacity, and changes nothing", async () => {
    await page.getByRole('button', { name: 'Actions for Ji-hoon Park' }).click();
    // Only the steps an APPLIED enrollment can take are offered.
    const offered = await page.getByRole('menuitem').allTextContents();
    expect(offered).toEqual(['Accept', 'Put on the waiting list', 'Reject', 'Withdraw']);
    await page.getByRole('menuitem', { name: 'Accept' }).click();
    await page.getByText('The seminar is full (2 places). Put the application on the waiting list instead.').waitFor();
    expect((await enrollmentOf(cohort.id, 'Ji-hoon Park')).status).toBe('APPLIED');
    await expect.poll(placesTaken).toBe('2 of 2 taken');
  });

  it('filters with a chip through the person: where the participant works', async () => {
    const worksAt = person['Ji-hoon Park']!.organizationId;
    const expected = await admin.enrollments.list({
      first: 10,
      filter: { seminarId: { eq: cohort.id }, person: { organizationId: { eq: worksAt } } },
    });
    expect(expected.totalCount).toBe(2);
    const organization = (await admin.organizations.list({ first: 100 })).nodes.find((o) => o.id === worksAt)!;
    await page.getByRole('group', { name: 'Works at' }).getByText(organization.name, { exact: true }).click();
    await expect.poll(total).toBe('2 in all');
    expect((await rows().locator('td:nth-child(2)').allTextContents()).sort()).toEqual(
      expected.nodes.map((e) => e.person.fullName).sort(),
    );
    expect(new URL(page.url()).searchParams.get('worksAt')).toBe(worksAt);
    await page.getByRole('group', { name: 'Works at' }).getByText(organization.name, { exact: true }).click();
    await expect.poll(total).toBe('4 in all');
    // The notifications of the steps above fade out, so that they hide none of the list.
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'enrollments');
  });
});

describe("a session's attendance", () => {
  it('marks several participants from the keyboard only, asks before leaving unsaved marks, and saves them', async () => {
    const [, session] = (
      await admin.sessions.list({
        first: 2,
        filter: { seminarId: { eq: example.id } },
        orderBy: { field: 'STARTS_AT' },
      })
    ).nodes;
    await page.goto(`${live.api.url}/admin/seminars/${example.id}/attendance`);
    await page.getByRole('combobox', { name: 'Session' }).click();
    await page.getByRole('option', { name: new RegExp(session!.title) }).click();
    const grid = page.getByRole('grid');
    await grid.waitFor();
    await expect.poll(() => page.getByTestId('attendance-summary').textContent()).toContain('Not yet marked 0');
    const names = await grid.getByRole('rowheader').evaluateAll((cells) => cells.map((c) => c.firstChild!.textContent));
    expect(names).toHaveLength(12);

    for (let step = 0; step < 15; step++) {
      if ((await page.evaluate(() => document.activeElement?.getAttribute('role'))) === 'gridcell') break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell');
    // Late, absent, skip one, excused.
    for (const key of ['l', 'a', 'ArrowDown', 'e']) await page.keyboard.press(key);
    await page.getByRole('button', { name: 'Save 3 changes' }).waitFor();
    await screenshot(page, 'attendance');

    // Leaving with unsaved marks asks first.
    await page.getByRole('tab', { name: 'Enrollments' }).click();
    await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).waitFor();
    await page.keyboard.press('Enter'); // "Keep editing" has the focus.
    await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).waitFor({ state: 'hidden' });

    for (let step = 0; step < 15; step++) {
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Save 3 changes') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByText('Attendance saved for 3 participants.').waitFor();
    await page.getByRole('button', { name: 'Save attendance' }).waitFor();

    const { nodes } = await admin.enrollments.list({ first: 100, filter: { seminarId: { eq: example.id } } });
    const status = (name: string) =>
      nodes.find((e) => e.person.fullName === name)!.attendance.find((a) => a.session?.id === session!.id)?.status;
    expect([names[0], names[1], names[2], names[3]].map((name) => status(name!))).toEqual([
      'LATE',
      'ABSENT',
      'PRESENT',
      'EXCUSED',
    ]);
    expect(await page.getByTestId('attendance-summary').textContent()).toContain('Late 1');
  });

  it('fits a tablet, the grid scrolling inside its card rather than the page', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await page.getByRole('grid').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.getByRole('tab', { name: 'Enrollments' }).click();
    await page.getByTestId('places-taken').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  });

  it('met no console error and no failed request on the way', () => {
    expect(problems).toEqual([]);
  });
});
