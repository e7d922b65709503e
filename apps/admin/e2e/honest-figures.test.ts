import {
  type Client,
  createClient,
  type EnrollmentStatus,
  type ProposalStatus,
  type UserRole,
  unwrap,
} from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumLabel } from '../src/features/lists/labels.ts';
import { PROPOSAL_STATUSES } from '../src/features/proposals/status.ts';
import { launchBrowser, screenshot, signInWith, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// Every figure the admin shows on the dashboard and on the example seminar's tabs, for each role in turn,
// against the API's own counts read through the SDK as that role: a figure is true for what the viewer
// may see, or it is not shown. One browser; the roles one after another, each in a tab of its own.
let live: LiveAdmin;
let browser: Browser;
let admin: Client;
let seminarId: string;
let seminarTitle: string;

const PLACE_HOLDERS: EnrollmentStatus[] = ['ACCEPTED', 'CONFIRMED', 'COMPLETED'];

interface Visitor {
  page: Page;
  sdk: Client;
  problems: string[];
}

/** A new account of the role, signed in through the form in a new tab, and its own SDK client. */
async function visit(role: UserRole, options: { personId?: string; seminarIds?: string[] } = {}): Promise<Visitor> {
  const account = await live.account(role, options.personId ? { personId: options.personId } : {});
  if (options.seminarIds) {
    unwrap(
      await admin.users.coordinatorAssignmentsSet({
        userId: account.userId,
        programIds: [],
        seminarIds: options.seminarIds,
      }),
    );
  }
  const anonymous = createClient({ url: live.endpoint });
  const { token } = unwrap(await anonymous.auth.login({ email: account.email, password: account.password }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchProblems(page);
  await signInWith(page, live, account, role);
  return { page, sdk: createClient({ url: live.endpoint, token: token! }), problems };
}

const total = async (list: Promise<{ totalCount: number }>) => (await list).totalCount;

/** The dashboard's key figures, each the totalCount of the list the viewer gets. */
async function checkKeyFigures({ page, sdk }: Visitor) {
  await page.goto(`${live.api.url}/admin/`);
  const expected = {
    seminars: await total(sdk.seminars.list({ first: 0 })),
    enrollments: await total(sdk.enrollments.list({ first: 0 })),
    organizations: await total(sdk.organizations.list({ first: 0 })),
    people: await total(sdk.people.list({ first: 0 })),
    proposals: await total(sdk.proposals.list({ first: 0 })),
  };
  for (const [key, value] of Object.entries(expected)) {
    const shown = page.getByTestId(`figure-${key}`).getByTestId('figure-value');
    await expect.poll(() => shown.textContent()).toBe(value.toLocaleString('en'));
  }
  for (const status of PROPOSAL_STATUSES) {
    const count = await total(sdk.proposals.list({ first: 0, filter: { status: { eq: status } } }));
    const bar = page.getByTestId('by-status').getByRole('progressbar', { name: `${enumLabel(status)}: ${count}` });
    if (expected.proposals > 0) await bar.waitFor({ state: 'attached' });
  }
  if (expected.proposals === 0) await page.getByText(/^No proposals yet/).waitFor();
}

/** The example seminar's figures on the dashboard: participants and attendance from the lists the viewer gets. */
async function checkSeminarFigures({ page, sdk }: Visitor) {
  await page.getByRole('combobox', { name: 'Seminar' }).click();
  await page.getByRole('option', { name: seminarTitle }).click();
  const participants = await total(
    sdk.enrollments.list({
      first: 0,
      filter: { seminarId: { eq: seminarId }, status: { in: PLACE_HOLDERS } },
    }),
  );
  expect(participants).toBeGreaterThan(0);
  await page.getByRole('region', { name: `Participants by organization (${participants})` }).waitFor();
  const sessions = (await sdk.sessions.list({ first: 100, filter: { seminarId: { eq: seminarId } } })).nodes;
  const rates = sessions.filter((s) => s.attendanceRate !== null).map((s) => `${Math.round(s.attendanceRate! * 100)}%`);
  expect(rates.length).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('attendance-value').allTextContents()).toEqual(rates);
}

/** The seminar's tabs: the staff's tabs with their counts for those who may list its enrollments, none for others. */
async function checkTabs({ page, sdk }: Visitor, name: string) {
  const seminar = (await sdk.seminars.get(seminarId))!;
  const base = `${live.api.url}/admin/seminars/${seminarId}`;
  await page.goto(`${base}/proposals`);
  const inSeminar = await total(sdk.proposals.list({ first: 0, filter: { seminarId: { eq: seminarId } } }));
  await page.getByText(`${inSeminar} in this seminar`).waitFor();
  for (const status of PROPOSAL_STATUSES as ProposalStatus[]) {
    const count = await total(
      sdk.proposals.list({ first: 0, filter: { seminarId: { eq: seminarId }, status: { eq: status } } }),
    );
    await expect.poll(() => page.getByTestId(`column-${status}`).getByTestId('proposal-card').count()).toBe(count);
  }
  // The team and review badges are details the API gives the seminar's staff; nobody else sees "0 members".
  if (!seminar.viewerCanManage) expect(await page.getByTestId('review-progress').count()).toBe(0);
  await screenshot(page, `honest-figures-${name}-proposals`);

  const tabs = page.getByRole('tablist');
  for (const tab of ['Enrollments', 'Attendance', 'Feedback']) {
    expect(await tabs.getByRole('tab', { name: tab }).count()).toBe(seminar.viewerCanManage ? 1 : 0);
  }
  await page.goto(`${base}/enrollments`);
  if (!seminar.viewerCanManage) {
    await page.getByTestId('staff-only').waitFor();
    expect(await page.getByTestId('places-taken').count()).toBe(0);
    await screenshot(page, `honest-figures-${name}-enrollments`);
    return;
  }
  const taken = await total(
    sdk.enrollments.list({ first: 0, filter: { seminarId: { eq: seminarId }, status: { in: PLACE_HOLDERS } } }),
  );
  const all = await total(sdk.enrollments.list({ first: 0, filter: { seminarId: { eq: seminarId } } }));
  await expect.poll(() => page.getByTestId('places-taken').textContent()).toBe(`${taken} of ${seminar.capacity} taken`);
  await expect.poll(() => page.getByTestId('enrollments-total').textContent()).toBe(`${all} in all`);
  await screenshot(page, `honest-figures-${name}-enrollments`);

  await page.goto(`${base}/feedback`);
  const whole = page.getByTestId('feedback-card').first();
  const ratings = seminar.feedbackCount;
  await expect
    .poll(() => whole.getByTestId('feedback-count').textContent())
    .toMatch(new RegExp(`^${ratings} ${ratings === 1 ? 'rating' : 'ratings'}`));
}

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  const example = (await admin.seminars.list({ first: 100 })).nodes.find((s) => s.title.includes('Uzbekistan'))!;
  seminarId = example.id;
  seminarTitle = example.title;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('figures for every role on the example seminar', () => {
  it('an administrator sees every figure, each equal to the API’s count', async () => {
    const visitor = await visit('ADMIN');
    await checkKeyFigures(visitor);
    await checkSeminarFigures(visitor);
    await screenshot(visitor.page, 'honest-figures-admin-dashboard');
    await checkTabs(visitor, 'admin');
    expect(visitor.problems).toEqual([]);
  });

  it('its coordinator sees the same figures for it, counted over what they may list', async () => {
    const visitor = await visit('COORDINATOR', { seminarIds: [seminarId] });
    await checkKeyFigures(visitor);
    await checkSeminarFigures(visitor);
    await checkTabs(visitor, 'coordinator');
    expect(visitor.problems).toEqual([]);
  });

  it('a coordinator of another seminar is shown no figure of its participants', async () => {
    const program = (await admin.programs.list({ first: 1 })).nodes[0]!;
    const other = unwrap(
      await admin.seminars.create({
        programId: program.id,
        title: 'Digital Transformation, the next cohort',
        code: 'HONEST-FIGURES-2027',
        startDate: '2027-03-01',
        endDate: '2027-03-12',
        timezone: 'Asia/Seoul',
        countryCode: 'KR',
        capacity: 20,
      }),
    ).seminar!;
    const visitor = await visit('COORDINATOR', { seminarIds: [other.id] });
    await checkKeyFigures(visitor);
    // Their dashboard offers their own seminars only: the example seminar's participants are not theirs to count.
    await visitor.page.getByRole('combobox', { name: 'Seminar' }).click();
    await visitor.page.getByRole('option', { name: other.title }).waitFor();
    expect(await visitor.page.getByRole('option', { name: seminarTitle }).count()).toBe(0);
    await visitor.page.keyboard.press('Escape');
    await screenshot(visitor.page, 'honest-figures-other-coordinator-dashboard');
    // The API agrees: no attendance rate over participants they cannot list.
    const seen = (await visitor.sdk.seminars.get(seminarId))!;
    expect(seen.attendanceRate).toBeNull();
    expect(await total(visitor.sdk.enrollments.list({ first: 0, filter: { seminarId: { eq: seminarId } } }))).toBe(0);
    await checkTabs(visitor, 'other-coordinator');
    expect(visitor.problems).toEqual([]);
  });

  it('a reviewer and a participant are shown no figure of the seminar they may not list', async () => {
    const reviewerPerson = unwrap(await admin.people.create({ givenName: 'Honest', familyName: 'Reviewer' })).person!;
    const reviewer = await visit('REVIEWER', { personId: reviewerPerson.id });
    const [enrolled] = (
      await admin.enrollments.list({ first: 1, filter: { seminarId: { eq: seminarId }, status: { eq: 'COMPLETED' } } })
    ).nodes;
    const participant = await visit('PARTICIPANT', { personId: enrolled!.person.id });
    for (const [name, visitor] of [
      ['reviewer', reviewer],
      ['participant', participant],
    ] as const) {
      // The API gives them no rate over participants they cannot list, and lists them at most themselves.
      expect((await visitor.sdk.seminars.get(seminarId))!.attendanceRate).toBeNull();
      expect(
        await total(visitor.sdk.enrollments.list({ first: 0, filter: { seminarId: { eq: seminarId } } })),
      ).toBeLessThanOrEqual(1);
      // The staff's tabs, and the counts on them, are refused to them.
      for (const tab of ['enrollments', 'proposals']) {
        await visitor.page.goto(`${live.api.url}/admin/seminars/${seminarId}/${tab}`);
        await visitor.page.getByText('Your account may not open this page.').waitFor();
        expect(await visitor.page.getByTestId('places-taken').count()).toBe(0);
        expect(await visitor.page.getByTestId('proposal-card').count()).toBe(0);
        expect(await visitor.page.getByRole('tab').count()).toBe(0);
      }
      await screenshot(visitor.page, `honest-figures-${name}-refused`);
      expect(visitor.problems).toEqual([]);
    }
  });
});
