import { type Client, createClient } from '@seminarhub/sdk';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signInWith, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// The whole example seminar through the built admin in Chromium, and nothing but the browser: an
// administrator records the people and their accounts and assigns the coordinator; the coordinator builds
// the agenda, enrolls a cohort in one step, accepts it in one step, starts the seminar and takes attendance;
// participants confirm, give feedback and write a proposal with a team; a reviewer scores it; the coordinator
// selects it for support and records milestones; its lead submits the 3-month report. The only call outside
// the UI makes the first administrator; the SDK then only reads, after each step, what the step did.
let live: LiveAdmin;
let browser: Browser;
/** Reads only: what each step did, as the API has it. */
let check: Client;
let seminarId: string;
let proposalId: string;

type Who = 'admin' | 'coordinator' | 'reviewer' | 'aziza' | 'bekzod';
const accounts = {} as Record<Who, { email: string; password: string }>;
const ROLES = {
  admin: 'ADMIN',
  coordinator: 'COORDINATOR',
  reviewer: 'REVIEWER',
  aziza: 'PARTICIPANT',
  bekzod: 'PARTICIPANT',
} as const;

const TITLE = 'Digital public services, Namangan cohort';
const MINISTRY = 'Namangan Regional Public Services Agency';
const PLACE = 'IT Park Namangan, Hall 2';
const PROPOSAL = 'One-stop public service centres in every district of Namangan';
const ZONE = 'Asia/Tashkent';
/** The people recorded in the UI: [given name, family name, works at the agency]. */
const PEOPLE = {
  coordinator: ['Jiwoo', 'Parkhurst', false],
  reviewer: ['Sunhee', 'Namgoong', false],
  speaker: ['Hyejin', 'Seomun', false],
  aziza: ['Aziza', 'Tursunboeva', true],
  bekzod: ['Bekzod', 'Karimberdiev', true],
  dilnoza: ['Dilnoza', 'Rashidova', true],
  sardor: ['Sardor', 'Yusupaliev', true],
} as const;
const fullName = (key: keyof typeof PEOPLE) => `${PEOPLE[key][0]} ${PEOPLE[key][1]}`;
const COHORT = Object.values(PEOPLE).filter(([, , cohort]) => cohort).length;

// The seminar began three days ago and ends in four, in its own zone, whatever day this runs: its first
// sessions are held, so it can be started, attendance taken and feedback given.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
const day = (offset: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const SESSIONS = [
  { title: 'Digital identity and e-signatures', kind: 'Lecture', day: -3, from: '10:00', to: '11:30' },
  { title: 'Designing a one-stop service', kind: 'Workshop', day: -2, from: '14:00', to: '16:00' },
  { title: 'Visit to the public service centre', kind: 'Site visit', day: -1, from: '09:30', to: '12:00' },
] as const;

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  // The one call outside the UI: the first administrator, as the API's own start makes one.
  accounts.admin = await live.account('ADMIN');
  check = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

/** One person's visit, in a browser context of its own; nothing may go wrong in it unseen. */
async function visit(who: Who, work: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = watchProblems(page);
  try {
    await signInWith(page, live, accounts[who], ROLES[who]);
    await work(page);
  } catch (error) {
    await screenshot(page, `whole-failed-${who}`);
    throw error;
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
}

/** Picks an option of a select or a search picker, by its label, within `scope`. */
async function choose(scope: Page | Locator, label: RegExp, option: string | RegExp, typed?: string) {
  const input = scope.locator('input').and(scope.getByLabel(label)).first();
  await input.click();
  if (typed) await input.fill(typed);
  const page = 'page' in scope ? scope.page() : scope;
  // A word is the whole option ("Workshop", not "Action plan workshop"); a pattern may be part of one.
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

const enrollments = async () =>
  (await check.enrollments.list({ first: 100, filter: { seminarId: { eq: seminarId } } })).nodes;
const statuses = async () => {
  const counts: Record<string, number> = {};
  for (const enrollment of await enrollments()) counts[enrollment.status] = (counts[enrollment.status] ?? 0) + 1;
  return counts;
};
const sessions = async () => (await check.sessions.list({ first: 20, filter: { seminarId: { eq: seminarId } } })).nodes;
const proposal = async () => (await check.proposals.get(proposalId))!;

/** Chooses every enrollment the list shows and applies one step to them all. */
async function stepForAll(page: Page, step: string, count: number) {
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  const selection = page.getByTestId('enrollments-selection');
  await expect.poll(() => selection.textContent()).toContain(`${count} selected`);
  await selection.getByRole('button', { name: `Apply a step to ${count} enrollments` }).click();
  await page.getByRole('menuitem', { name: step }).click();
  return page.getByRole('dialog', { name: `${step}: what happened` });
}

describe('the whole example seminar, through the UI alone', () => {
  it('an administrator records the agency, the people and the seminar', async () => {
    await visit('admin', async (page) => {
      await page.getByRole('link', { name: 'Organizations' }).click();
      await page.getByRole('button', { name: 'New organization' }).click();
      const organization = page.getByRole('dialog', { name: 'New organization' });
      await organization.getByLabel(/^Name/).fill(MINISTRY);
      await choose(organization, /^Type/, 'Agency');
      await organization.getByLabel(/^Country/).fill('UZ');
      await organization.getByRole('button', { name: 'Create organization' }).click();
      await organization.waitFor({ state: 'detached' });

      await page.getByRole('link', { name: 'People' }).click();
      for (const [given, family, cohort] of Object.values(PEOPLE)) {
        await page.getByRole('button', { name: 'New person' }).click();
        const editor = page.getByRole('dialog', { name: 'New person' });
        await editor.getByLabel(/^Given name/).fill(given);
        await editor.getByLabel(/^Family name/).fill(family);
        if (cohort) await choose(editor, /^Organization/, new RegExp(MINISTRY), 'Namangan Regional');
        if (family === 'Tursunboeva') await screenshot(page, 'whole-person-editor');
        await editor.getByRole('button', { name: 'Create person' }).click();
        await editor.waitFor({ state: 'detached' });
      }

      await page.getByRole('link', { name: 'Seminars' }).click();
      await page.getByRole('button', { name: 'New seminar' }).click();
      const drawer = page.getByRole('dialog');
      await choose(drawer, /^Programme/, /CIAT/);
      await drawer.getByLabel(/^Title/).fill(TITLE);
      await drawer.getByLabel(/^First day/).fill(day(-3));
      await drawer.getByLabel(/^Last day/).fill(day(4));
      await choose(drawer, /^Time zone/, ZONE, 'Tashkent');
      await drawer.getByLabel(/^Country/).fill('UZ');
      await drawer.getByLabel(/^City/).fill('Namangan');
      await drawer.getByLabel(/^Places/).fill('20');
      await screenshot(page, 'whole-seminar-editor');
      await drawer.getByRole('button', { name: 'Create seminar' }).click();
      await page.getByRole('heading', { name: TITLE }).waitFor();
      seminarId = new URL(page.url()).pathname.split('/').pop()!;
    });
    const agency = (await check.organizations.list({ first: 2, search: MINISTRY })).nodes;
    expect(agency.map((organization) => [organization.name, organization.type])).toEqual([[MINISTRY, 'AGENCY']]);
    const cohort = await check.people.list({ first: 20, filter: { organizationId: { eq: agency[0]!.id } } });
    expect(cohort.nodes.map((person) => person.fullName).sort()).toEqual(
      (['aziza', 'bekzod', 'dilnoza', 'sardor'] as const).map(fullName).sort(),
    );
    expect(await check.seminars.get(seminarId)).toMatchObject({
      title: TITLE,
      status: 'DRAFT',
      startDate: day(-3),
      endDate: day(4),
      timezone: ZONE,
      capacity: 20,
    });
  });

  it('the administrator makes the accounts, each for its person, and assigns the coordinator to the seminar', async () => {
    const made = {
      coordinator: { email: 'jiwoo.parkhurst@whole-walk.example', role: 'Coordinator' },
      reviewer: { email: 'sunhee.namgoong@whole-walk.example', role: 'Reviewer' },
      aziza: { email: 'aziza.tursunboeva@whole-walk.example', role: 'Participant' },
      bekzod: { email: 'bekzod.karimberdiev@whole-walk.example', role: 'Participant' },
    } as const;
    await visit('admin', async (page) => {
      await page.getByRole('link', { name: 'Accounts' }).click();
      for (const [who, { email, role }] of Object.entries(made) as [
        keyof typeof made,
        (typeof made)[keyof typeof made],
      ][]) {
        const password = `the long password of ${who}`;
        await page.getByRole('button', { name: 'New account' }).click();
        const form = page.getByRole('dialog', { name: 'New account' });
        await form.getByLabel(/^Email/).fill(email);
        await choose(form, /^Role/, role);
        await choose(form, /^Person/, new RegExp(fullName(who)), PEOPLE[who][1]);
        await form.getByLabel(/^Initial password/).fill(password);
        if (who === 'coordinator') await screenshot(page, 'whole-account-create');
        await form.getByRole('button', { name: 'Create account' }).click();
        accounts[who] = { email, password };

        const drawer = page.getByRole('dialog', { name: 'Account' });
        await expect.poll(() => drawer.getByTestId('account-email').textContent()).toBe(email);
        if (who === 'coordinator') {
          await choose(drawer, /^Single seminars/, new RegExp(TITLE), 'Namangan');
          await drawer.getByRole('heading', { name: 'Coordinator assignments' }).click();
          await drawer.getByRole('button', { name: 'Save assignments' }).click();
          await expect.poll(() => page.getByRole('row').filter({ hasText: email }).textContent()).toContain(TITLE);
          await screenshot(page, 'whole-coordinator-assigned');
        }
        await drawer.getByRole('button', { name: 'Close the editor' }).click();
        await drawer.waitFor({ state: 'detached' });
      }
      await screenshot(page, 'whole-accounts');
    });
    const users = (await check.users.list({ first: 100 })).nodes;
    for (const [who, { email }] of Object.entries(made) as [keyof typeof made, { email: string }][]) {
      const user = users.find((u) => u.email === email);
      expect(user?.role).toBe(ROLES[who]);
      expect(user?.person?.fullName).toBe(fullName(who));
    }
    expect(users.find((u) => u.email === made.coordinator.email)!.coordinatedSeminars.map((s) => s.id)).toEqual([
      seminarId,
    ]);
  });

  it('the coordinator publishes the seminar and builds its agenda: three kinds of session, a speaker, a place', async () => {
    await visit('coordinator', async (page) => {
      await page.getByRole('link', { name: 'Seminars' }).click();
      await page.getByRole('link', { name: TITLE }).click();
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await expect.poll(() => page.getByTestId('seminar-status').textContent()).toBe('Published');

      for (const [index, session] of SESSIONS.entries()) {
        await page.getByRole('button', { name: 'Add session' }).click();
        const editor = page.getByRole('dialog', { name: 'Add a session' });
        await editor.getByLabel(/^Title/).fill(session.title);
        await choose(editor, /^Kind/, session.kind);
        await editor.getByLabel(/^Starts/).fill(`${day(session.day)}T${session.from}`);
        await editor.getByLabel(/^Ends/).fill(`${day(session.day)}T${session.to}`);
        if (index === 0) {
          // The hall is not recorded yet: recorded from the session editor, without leaving it.
          await editor.getByRole('button', { name: 'Not listed? Record a new place' }).click();
          const place = page.getByRole('dialog', { name: 'New place' });
          await place.getByLabel(/^Name/).fill(PLACE);
          await choose(place, /^Kind/, 'Venue');
          await place.getByLabel(/^City/).fill('Namangan');
          await place.getByLabel(/^Country/).fill('uz');
          await place.getByRole('button', { name: 'Create place' }).click();
          await place.waitFor({ state: 'detached' });
          await choose(editor, /^Add a speaker/, /Hyejin Seomun/, 'Seomun');
        } else if (index === 1) {
          await choose(editor, /^Place/, new RegExp(PLACE), 'IT Park Namangan');
        }
        await expect
          .poll(() =>
            editor
              .locator('input')
              .and(editor.getByLabel(/^Place/))
              .inputValue(),
          )
          .toBe(index < 2 ? `${PLACE}, Namangan` : '');
        if (index === 0) await screenshot(page, 'whole-session-editor');
        await editor.getByRole('button', { name: 'Add session' }).click();
        await editor.waitFor({ state: 'detached' });
        const region = page.getByRole('region', { name: new RegExp(`^Day ${index + 1} `) });
        await expect.poll(() => region.getByTestId('agenda-session').textContent()).toContain(session.title);
      }
      await expect
        .poll(() => page.getByRole('region', { name: /^Day 1 / }).textContent())
        .toContain('Hyejin Seomun (Speaker)');
      await screenshot(page, 'whole-agenda');
    });
    expect((await check.seminars.get(seminarId))!.status).toBe('PUBLISHED');
    const agenda = await sessions();
    expect(
      agenda.map((session) => [session.title, session.kind, session.startsAtLocal, session.place?.name ?? null]),
    ).toEqual([
      [SESSIONS[0].title, 'LECTURE', `${day(-3)}T10:00:00+05:00`, PLACE],
      [SESSIONS[1].title, 'WORKSHOP', `${day(-2)}T14:00:00+05:00`, PLACE],
      [SESSIONS[2].title, 'SITE_VISIT', `${day(-1)}T09:30:00+05:00`, null],
    ]);
    expect(agenda[0]!.speakers.map((speaker) => [speaker.person.fullName, speaker.role])).toEqual([
      [fullName('speaker'), 'SPEAKER'],
    ]);
  });

  it('the coordinator enrolls the agency’s cohort in one step and accepts it in one step', async () => {
    await visit('coordinator', async (page) => {
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/enrollments`);
      await page.getByRole('button', { name: 'Enroll many' }).click();
      const dialog = page.getByRole('dialog', { name: 'Enroll many participants' });
      await dialog.getByRole('combobox', { name: 'Works at' }).fill('Namangan Regional');
      await page.getByRole('option', { name: MINISTRY }).click();
      await expect.poll(() => dialog.getByText(/^\d+ found$/).textContent()).toBe(`${COHORT} found`);
      await dialog.getByRole('checkbox', { name: `Choose all ${COHORT} shown` }).check();
      await screenshot(page, 'whole-enroll-many');
      await dialog.getByRole('button', { name: `Enroll ${COHORT} people` }).click();
      await dialog.getByText(`${COHORT} people are enrolled, waiting for a decision.`).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => page.getByTestId('enrollments-total').textContent()).toBe(`${COHORT} in all`);

      const summary = await stepForAll(page, 'Accept', COHORT);
      await summary.getByText(`${COHORT} enrollments are now accepted. Every one took the step.`).waitFor();
      await screenshot(page, 'whole-accept-all');
      await summary.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => page.getByTestId('places-taken').textContent()).toContain(`${COHORT} of 20`);
    });
    expect(await statuses()).toEqual({ ACCEPTED: COHORT });
  });

  it('each participant with an account confirms their place in My seminars', async () => {
    for (const who of ['aziza', 'bekzod'] as const) {
      await visit(who, async (page) => {
        const card = page.getByTestId('my-seminar').filter({ hasText: TITLE });
        await expect.poll(() => card.getByTestId('my-enrollment-status').textContent()).toBe('Accepted');
        await card.getByRole('button', { name: 'Confirm my place' }).click();
        await expect.poll(() => card.getByTestId('my-enrollment-status').textContent()).toBe('Confirmed');
        if (who === 'aziza') await screenshot(page, 'whole-my-seminars-confirmed');
      });
    }
    const confirmed = (await enrollments()).filter((enrollment) => enrollment.status === 'CONFIRMED');
    expect(confirmed.map((enrollment) => enrollment.person.fullName).sort()).toEqual(
      [fullName('aziza'), fullName('bekzod')].sort(),
    );
  });

  it('the coordinator confirms the others’ places in one step, starts the seminar and takes attendance with the grid’s search', async () => {
    await visit('coordinator', async (page) => {
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/enrollments`);
      // Those without an account yet, found with the status filter.
      await page.getByRole('group', { name: 'Status' }).getByText('Accepted', { exact: true }).click();
      await expect.poll(() => page.getByTestId('enrollments-total').textContent()).toBe(`${COHORT - 2} in all`);
      const summary = await stepForAll(page, 'Confirm the place', COHORT - 2);
      await summary.getByText(`${COHORT - 2} enrollments are now confirmed. Every one took the step.`).waitFor();
      await summary.getByRole('button', { name: 'Done' }).click();

      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect.poll(() => page.getByTestId('seminar-status').textContent()).toBe('In progress');

      await page.getByRole('tab', { name: 'Attendance' }).click();
      for (const session of SESSIONS.slice(0, 2)) {
        await choose(page, /^Session/, new RegExp(session.title));
        const grid = page.getByRole('grid');
        await grid.getByRole('rowheader').first().waitFor();
        // Bekzod came late to the lecture; the others were there from the start.
        const search = page.getByRole('textbox', { name: /^Find a participant/ });
        await search.fill(PEOPLE.bekzod[1].toLowerCase().slice(0, 6));
        await expect.poll(() => grid.getByRole('rowheader').count()).toBe(1);
        await search.press('Enter');
        await page.keyboard.press(session === SESSIONS[0] ? 'l' : 'p');
        if (session === SESSIONS[0]) await screenshot(page, 'whole-attendance-search');
        await search.fill('');
        await page.getByRole('button', { name: 'Mark all remaining present' }).click();
        await page.getByRole('button', { name: `Save ${COHORT} changes` }).click();
        await page.getByText(`Attendance saved for ${COHORT} participants.`).waitFor();
      }
      await screenshot(page, 'whole-attendance');
    });
    expect((await check.seminars.get(seminarId))!.status).toBe('IN_PROGRESS');
    const [lecture, workshop] = await sessions();
    const marks = (await enrollments()).map((enrollment) => [
      enrollment.person.fullName,
      enrollment.status,
      enrollment.attendance
        .filter((record) => record.session?.id === lecture!.id || record.session?.id === workshop!.id)
        .map((record) => record.status)
        .sort(),
    ]);
    expect(marks.sort()).toEqual(
      (['aziza', 'bekzod', 'dilnoza', 'sardor'] as const)
        .map((who) => [fullName(who), 'CONFIRMED', who === 'bekzod' ? ['LATE', 'PRESENT'] : ['PRESENT', 'PRESENT']])
        .sort(),
    );
  });

  it('participants give feedback on what they attended: a session, the seminar, and one anonymously', async () => {
    const [lecture, workshop] = SESSIONS;
    await visit('aziza', async (page) => {
      await page.getByTestId('my-seminar').filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
      await page.getByRole('button', { name: `Give feedback on ${lecture.title}`, exact: true }).click();
      let form = page.getByRole('form', { name: 'Session feedback' });
      await form.getByRole('radio', { name: '4' }).check();
      await form
        .getByRole('textbox', { name: 'Comment' })
        .fill('The cases from Korean ministries were the most useful.');
      await screenshot(page, 'whole-session-feedback');
      await form.getByRole('button', { name: 'Give feedback' }).click();
      await form.waitFor({ state: 'detached' });
      const row = page.getByTestId('agenda-session').filter({ hasText: lecture.title });
      await expect.poll(() => row.getByTestId('my-feedback').textContent()).toContain('Your rating: 4 / 5');

      await page.getByRole('button', { name: `Give feedback on ${TITLE}`, exact: true }).click();
      form = page.getByRole('form', { name: 'Seminar feedback' });
      await form.getByRole('radio', { name: '5' }).check();
      await form.getByRole('button', { name: 'Give feedback' }).click();
      await form.waitFor({ state: 'detached' });
      const whole = page.getByRole('region', { name: 'The seminar as a whole' });
      await expect.poll(() => whole.getByTestId('my-feedback').textContent()).toContain('Your rating: 5 / 5');
      await screenshot(page, 'whole-my-seminar');
    });
    await visit('bekzod', async (page) => {
      await page.getByTestId('my-seminar').filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
      await page.getByRole('button', { name: `Give feedback on ${workshop.title}`, exact: true }).click();
      const form = page.getByRole('form', { name: 'Session feedback' });
      await form.getByRole('radio', { name: '3' }).check();
      await form.getByRole('checkbox', { name: 'Give anonymously' }).check();
      await form.getByRole('button', { name: 'Give feedback' }).click();
      await form.waitFor({ state: 'detached' });
      const row = page.getByTestId('agenda-session').filter({ hasText: workshop.title });
      await expect.poll(() => row.getByTestId('my-feedback').textContent()).toContain('Anonymous');
    });
    const [lectureRow, workshopRow] = await sessions();
    expect([lectureRow, workshopRow].map((s) => [s!.feedbackCount, s!.averageRating])).toEqual([
      [1, 4],
      [1, 3],
    ]);
    expect(await check.seminars.get(seminarId)).toMatchObject({ feedbackCount: 1, averageRating: 5 });
    // Staff read the named feedback with its author, and never the anonymous one.
    const given = (await enrollments()).flatMap((enrollment) =>
      enrollment.feedback.map((f) => [enrollment.person.fullName, f.session?.title ?? null, f.rating]),
    );
    expect(given.sort()).toEqual(
      [
        [fullName('aziza'), lecture.title, 4],
        [fullName('aziza'), null, 5],
      ].sort(),
    );
  });

  it('a participant writes a proposal, adds a teammate and submits it', async () => {
    await visit('aziza', async (page) => {
      await page.getByRole('link', { name: 'My proposals' }).click();
      await page.getByRole('link', { name: 'Write a proposal' }).click();
      await choose(page, /^Seminar/, TITLE);
      await page.getByRole('textbox', { name: /^Title/ }).fill(PROPOSAL);
      await page.getByRole('textbox', { name: /^Summary/ }).fill('One counter for every service a district gives.');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/admin\/my-proposals\/(?!new)[^/]+$/);
      proposalId = decodeURIComponent(page.url().split('/').pop()!);

      await choose(page, /^Add a member/, new RegExp(fullName('bekzod')), PEOPLE.bekzod[0]);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText(`${fullName('bekzod')} is on the team.`).waitFor();
      await screenshot(page, 'whole-proposal-team');
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Submitted');
    });
    const written = await proposal();
    expect(written.status).toBe('SUBMITTED');
    expect(written.members.map((member) => [member.person.fullName, member.role]).sort()).toEqual(
      [
        [fullName('aziza'), 'LEAD'],
        [fullName('bekzod'), 'MEMBER'],
      ].sort(),
    );
  });

  it('the administrator assigns the reviewer and starts the review; the reviewer scores it', async () => {
    await visit('admin', async (page) => {
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/proposals`);
      await page.getByTestId('column-SUBMITTED').getByRole('link', { name: PROPOSAL }).click();
      await choose(page, /^Assign a reviewer/, new RegExp(fullName('reviewer')), PEOPLE.reviewer[1]);
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText('The reviewer is assigned').waitFor();
      await page.getByRole('button', { name: 'Start review' }).click();
      await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Under review');
      await screenshot(page, 'whole-review-assigned');
    });
    const criteria = (await check.programs.get((await proposal()).seminar.program.id))!.reviewCriteria;
    expect(criteria.length).toBeGreaterThan(0);

    await visit('reviewer', async (page) => {
      await page
        .getByRole('region', { name: 'To review' })
        .getByRole('link', { name: new RegExp(PROPOSAL) })
        .click();
      for (const criterion of criteria) {
        await page
          .getByRole('textbox', { name: new RegExp(`^${criterion.name} \\(`) })
          .fill(String(criterion.maxScore));
      }
      await page.getByRole('radio', { name: 'Select' }).check();
      await page.getByRole('textbox', { name: /^Comment for staff/ }).fill('Clear, costed and owned by the agency.');
      await screenshot(page, 'whole-review-form');
      await page.getByRole('button', { name: 'Submit review' }).click();
      await page.getByRole('heading', { name: 'Your review' }).waitFor();
    });
    const [review] = (await proposal()).reviews.nodes;
    expect(review).toMatchObject({ recommendation: 'SELECT', reviewer: { fullName: fullName('reviewer') } });
    expect(review!.scores.map((score) => score.score)).toEqual(criteria.map((criterion) => criterion.maxScore));
  });

  it('the coordinator selects it for support, starts implementation and records milestones', async () => {
    await visit('coordinator', async (page) => {
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/proposals/${proposalId}`);
      await page.getByRole('button', { name: 'Select for support' }).click();
      const dialog = page.getByRole('dialog', { name: 'Select for support' });
      await choose(dialog, /^Support offered/, 'Pilot');
      await dialog.getByRole('button', { name: 'Select for support' }).click();
      await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Selected for support');

      for (const [title, dueDate] of [
        ['Two pilot centres open', day(60)],
        ['Every district served', day(365)],
      ] as const) {
        await page.getByRole('button', { name: 'Add a milestone' }).click();
        const form = page.getByRole('form', { name: 'New milestone' });
        await form.getByRole('textbox', { name: /^Title/ }).fill(title);
        await form.getByLabel(/^Due date/).fill(dueDate);
        await form.getByRole('button', { name: 'Add' }).click();
        await page.getByRole('table', { name: 'Milestones' }).getByText(title, { exact: true }).waitFor();
      }
      await page.getByRole('button', { name: 'Start implementation' }).click();
      await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('In implementation');
      await page.getByRole('button', { name: 'Start: Two pilot centres open' }).click();
      await page.getByText('“Two pilot centres open” is started.').waitFor();
      await page.getByRole('button', { name: 'Complete: Two pilot centres open' }).click();
      await page.getByText('“Two pilot centres open” is done.').waitFor();
      await page.getByRole('button', { name: 'Start: Every district served' }).click();
      await page.getByText('“Every district served” is started.').waitFor();
      await screenshot(page, 'whole-milestones');
    });
    const followed = await proposal();
    expect(followed.status).toBe('IN_IMPLEMENTATION');
    expect(followed.milestones.nodes.map((m) => [m.title, m.status])).toEqual([
      ['Two pilot centres open', 'DONE'],
      ['Every district served', 'IN_PROGRESS'],
    ]);
    expect(followed.progressReports.nodes.map((report) => report.monthsAfter)).toEqual([3, 6, 12]);
  });

  it('the proposal’s lead submits the 3-month progress report', async () => {
    await visit('aziza', async (page) => {
      await page.getByRole('link', { name: 'My proposals' }).click();
      await page.getByRole('link', { name: new RegExp(PROPOSAL) }).click();
      const form = page.getByRole('form', { name: 'Fill in the 3-month report' });
      await form.getByRole('textbox', { name: /^Carried out/ }).fill('30');
      await form.getByRole('textbox', { name: /^Summary/ }).fill('Two pilot centres serve two districts.');
      await form.getByRole('button', { name: 'Save report' }).click();
      await page.getByText('The report is saved.').waitFor();
      await form.getByRole('button', { name: 'Submit report' }).click();
      await page.getByText('The 3-month report is submitted for review.').waitFor();
      await page.locator('[aria-label="3-month report"]').getByText('Awaiting review').waitFor();
      await screenshot(page, 'whole-progress-report');
    });
    const report = (await proposal()).progressReports.nodes.find((r) => r.monthsAfter === 3)!;
    expect(report).toMatchObject({ percentComplete: 30, summary: 'Two pilot centres serve two districts.' });
    expect(report.submittedAt).not.toBeNull();
  });
});
