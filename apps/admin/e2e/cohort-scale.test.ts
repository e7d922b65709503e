import { type Client, createClient, unwrap } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signInWith, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// A cohort at its real size, as a coordinator of the example programme: 25 people enrolled in one step
// into a new seminar of 20 places, all accepted in one step (5 refused, each named), confirmed, and marked
// present with the grid's search; then the example seminar's proposals board on a 1280 x 800 screen.
const COHORT = 25;
const CAPACITY = 20;
const MINISTRY = 'Ministry of Cohort Scale';

let live: LiveAdmin;
let browser: Browser;
let page: Page;
let admin: Client;
/** The coordinator's own view through the SDK, to compare the screens with. */
let asCoordinator: Client;
let seminarId: string;
let problems: string[] = [];
const names: string[] = [];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  const programId = (await admin.programs.list({ first: 1 })).nodes[0]!.id;
  // Under way: it began two days ago, and its first session was held yesterday, so attendance can be taken.
  const draft = unwrap(
    await admin.seminars.create({
      programId,
      title: 'Digital Government at Scale, third cohort',
      startDate: day(-2),
      endDate: day(10),
      timezone: 'Asia/Tashkent',
      countryCode: 'KR',
      capacity: CAPACITY,
    }),
  ).seminar!;
  seminarId = draft.id;
  const yesterday = new Date(Date.now() - 86_400_000);
  unwrap(
    await admin.sessions.create({
      seminarId,
      kind: 'LECTURE',
      title: 'Open data at the scale of a country',
      startsAt: new Date(yesterday.getTime() - 2 * 3_600_000).toISOString(),
      endsAt: yesterday.toISOString(),
    }),
  );
  unwrap(await admin.seminars.publish({ id: draft.id, version: draft.version }));
  const ministry = unwrap(await admin.organizations.create({ name: MINISTRY, countryCode: 'UZ', type: 'MINISTRY' }))
    .organization!;
  for (let index = 1; index <= COHORT; index++) {
    const familyName = `Trainee-${String(index).padStart(2, '0')}`;
    unwrap(await admin.people.create({ givenName: 'Cohort', familyName, organizationId: ministry.id }));
    names.push(`Cohort ${familyName}`);
  }

  const coordinator = await live.account('COORDINATOR');
  unwrap(
    await admin.users.coordinatorAssignmentsSet({
      userId: coordinator.userId,
      programIds: [programId],
      seminarIds: [],
    }),
  );
  const anonymous = createClient({ url: live.endpoint });
  const { token } = unwrap(await anonymous.auth.login({ email: coordinator.email, password: coordinator.password }));
  asCoordinator = createClient({ url: live.endpoint, token: token! });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(15_000);
  problems = watchProblems(page);
  await signInWith(page, live, coordinator, 'COORDINATOR');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

const statuses = async () => {
  const { nodes } = await admin.enrollments.list({ first: 100, filter: { seminarId: { eq: seminarId } } });
  const counts: Record<string, number> = {};
  for (const enrollment of nodes) counts[enrollment.status] = (counts[enrollment.status] ?? 0) + 1;
  return counts;
};
const total = () => page.getByTestId('enrollments-total').textContent();

/** Chooses every enrollment of the current view (all pages) and applies one step to them. */
async function stepForAll(step: string, count: number) {
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  const selection = page.getByTestId('enrollments-selection');
  const everything = selection.getByRole('button', { name: /^Select all \d+ in this view$/ });
  if (await everything.count()) await everything.click();
  await expect.poll(() => selection.textContent()).toContain(`${count} selected`);
  await selection.getByRole('button', { name: `Apply a step to ${count} enrollments` }).click();
  await page.getByRole('menuitem', { name: step }).click();
  return page.getByRole('dialog', { name: `${step}: what happened` });
}

describe('a cohort of 25', () => {
  it('enrolls 25 people of one ministry in one step', async () => {
    await page.goto(`${live.api.url}/admin/seminars/${seminarId}/enrollments`);
    await page.getByRole('button', { name: 'Enroll many' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enroll many participants' });
    await dialog.getByRole('combobox', { name: 'Works at' }).fill('Cohort Scale');
    await page.getByRole('option', { name: MINISTRY }).click();
    await expect.poll(() => dialog.getByText(/^\d+ found$/).textContent()).toBe(`${COHORT} found`);
    await dialog.getByRole('checkbox', { name: `Choose all ${COHORT} shown` }).check();
    await expect.poll(() => dialog.getByTestId('chosen-count').textContent()).toBe(`${COHORT} chosen`);
    await screenshot(page, 'cohort-enroll-many');
    await dialog.getByRole('button', { name: `Enroll ${COHORT} people` }).click();
    await dialog.getByText(`${COHORT} people are enrolled, waiting for a decision.`).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(total).toBe(`${COHORT} in all`);
    expect(await statuses()).toEqual({ APPLIED: COHORT });
  });

  it('accepts all 25 in one step into 20 places: 20 accepted, the last 5 refused by name', async () => {
    const summary = await stepForAll('Accept', COHORT);
    await summary.getByText(`${CAPACITY} enrollments are now accepted.`).waitFor();
    const refusals = summary.getByRole('listitem');
    await expect.poll(() => refusals.count()).toBe(COHORT - CAPACITY);
    const refused = await refusals.allTextContents();
    for (const text of refused) {
      expect(text).toMatch(
        /^Cohort Trainee-\d\d: The seminar is full \(20 places\)\. Put the application on the waiting list instead\.$/,
      );
    }
    await screenshot(page, 'cohort-bulk-summary');
    await summary.getByRole('button', { name: 'Done' }).click();
    expect(await statuses()).toEqual({ ACCEPTED: CAPACITY, APPLIED: COHORT - CAPACITY });
    // The API's order is the list's: the refused are exactly the ones it named.
    const { nodes } = await admin.enrollments.list({
      first: 100,
      filter: { seminarId: { eq: seminarId }, status: { eq: 'APPLIED' } },
    });
    expect(nodes.map((enrollment) => enrollment.person.fullName).sort()).toEqual(
      refused.map((text) => text.split(':')[0]).sort(),
    );
  });

  it('confirms the 20 accepted in one step, chosen with the status filter', async () => {
    await page.getByRole('group', { name: 'Status' }).getByText('Accepted', { exact: true }).click();
    await expect.poll(total).toBe(`${CAPACITY} in all`);
    const summary = await stepForAll('Confirm the place', CAPACITY);
    await summary.getByText(`${CAPACITY} enrollments are now confirmed. Every one took the step.`).waitFor();
    await summary.getByRole('button', { name: 'Done' }).click();
    expect(await statuses()).toEqual({ CONFIRMED: CAPACITY, APPLIED: COHORT - CAPACITY });
  });

  it('takes attendance with the search inside the grid, from the keyboard', async () => {
    unwrap(await admin.seminars.start({ id: seminarId, version: (await admin.seminars.get(seminarId))!.version }));
    await page.goto(`${live.api.url}/admin/seminars/${seminarId}/attendance`);
    await page.getByRole('combobox', { name: 'Session' }).click();
    await page.getByRole('option', { name: /Open data at the scale/ }).click();
    const grid = page.getByRole('grid');
    await grid.waitFor();
    const rowNames = () =>
      grid.getByRole('rowheader').evaluateAll((cells) => cells.map((c) => c.firstChild!.textContent));
    await expect.poll(() => rowNames().then((shown) => shown.length)).toBe(CAPACITY);

    // Two late-comers, found by name: Enter goes from the search to the first one found.
    const search = page.getByRole('textbox', { name: /^Find a participant/ });
    const late = [] as string[];
    for (const number of ['03', '17']) {
      await search.fill(`trainee-${number}`);
      await expect.poll(rowNames).toEqual([`Cohort Trainee-${number}`]);
      await search.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell');
      await page.keyboard.press('l');
      late.push(`Cohort Trainee-${number}`);
    }
    await expect.poll(() => page.getByTestId('check-in-shown').textContent()).toBe(`1 of ${CAPACITY} shown`);
    await screenshot(page, 'cohort-attendance-search');
    await search.fill('');
    // Everyone not yet marked, found with the Recorded filter, is present.
    await page.getByRole('combobox', { name: 'Recorded' }).click();
    await page.getByRole('option', { name: 'Not marked' }).click();
    await page.getByRole('button', { name: `Mark the ${CAPACITY - 2} remaining shown present` }).click();
    await page.getByRole('button', { name: `Save ${CAPACITY} changes` }).click();
    await page.getByText(`Attendance saved for ${CAPACITY} participants.`).waitFor();
    await expect.poll(() => page.getByTestId('attendance-summary').textContent()).toContain('Late 2');

    const session = (await admin.sessions.list({ first: 1, filter: { seminarId: { eq: seminarId } } })).nodes[0]!;
    const { nodes } = await admin.enrollments.list({ first: 100, filter: { seminarId: { eq: seminarId } } });
    const marked = nodes.flatMap((enrollment) =>
      enrollment.attendance
        .filter((record) => record.session?.id === session.id)
        .map((record) => [enrollment.person.fullName, record.status]),
    );
    expect(marked).toHaveLength(CAPACITY);
    expect(
      marked
        .filter(([, status]) => status === 'LATE')
        .map(([name]) => name)
        .sort(),
    ).toEqual(late);
    expect(marked.filter(([, status]) => status === 'PRESENT')).toHaveLength(CAPACITY - 2);
  });

  it('shows every column of the proposals board on a 1280 x 800 screen, and every proposal in it', async () => {
    const example = (await asCoordinator.proposals.list({ first: 1 })).nodes[0]!.seminar.id;
    const expected = await asCoordinator.proposals.list({ first: 100, filter: { seminarId: { eq: example } } });
    expect(expected.totalCount).toBeGreaterThan(0);
    await page.goto(`${live.api.url}/admin/seminars/${example}/proposals`);
    const cards = page.getByTestId('proposal-card');
    await expect.poll(() => cards.count()).toBe(expected.totalCount);
    const width = page.viewportSize()!.width;
    const columns = page.locator('[data-testid^="column-"]');
    expect(await columns.count()).toBe(9);
    for (const box of await Promise.all((await columns.all()).map((column) => column.boundingBox()))) {
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    for (const box of await Promise.all((await cards.all()).map((card) => card.boundingBox()))) {
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    // An empty status is folded to its name and 0, and opens on a click.
    const folded = page.locator('[data-testid^="column-"][data-folded]');
    const foldedCount = await folded.count();
    expect(foldedCount).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await screenshot(page, 'cohort-proposals-board');
    await folded.first().getByRole('button').click();
    await expect.poll(() => folded.count()).toBe(foldedCount - 1);

    // The list view holds the same proposals, in rows.
    await page.getByText('List', { exact: true }).click();
    const rows = page.getByTestId('proposal-row');
    await expect.poll(() => rows.count()).toBe(expected.totalCount);
    expect((await rows.getByRole('link').allTextContents()).sort()).toEqual(
      expected.nodes.map((proposal) => proposal.title).sort(),
    );
    await screenshot(page, 'cohort-proposals-list');
    expect(problems).toEqual([]);
  });
});
