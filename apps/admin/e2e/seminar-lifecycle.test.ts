import { type Client, createClient, unwrap } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signInWith, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// A seminar's whole life through the built admin in Chromium, one person at a time as in real life: an
// administrator sets it up, a coordinator runs it, the participant writes a proposal, a reviewer scores
// it, the coordinator selects it for support, and the dashboard shows it. The SDK checks each step.
let live: LiveAdmin;
let browser: Browser;
let admin: Client;
let people: { speaker: string; participant: string; reviewer: string };
let accounts: Record<'admin' | 'coordinator' | 'participant' | 'reviewer', { email: string; password: string }>;
let seminarId: string;
let proposalId: string;

const TITLE = 'E-government services, Fergana cohort';
const PROPOSAL = 'A single window for construction permits in Fergana';

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  const person = async (givenName: string, familyName: string, organizationId?: string) =>
    unwrap(await admin.people.create({ givenName, familyName, organizationId })).person!.id;
  const ministry = (await admin.organizations.list({ first: 1, search: 'Ministry Digital Technologies' })).nodes[0]!;
  people = {
    speaker: await person('Hyejin', 'Seomun'),
    participant: await person('Aziza', 'Tursunboeva', ministry.id),
    reviewer: await person('Expert', 'Namgoong'),
  };
  accounts = {
    admin: await live.account('ADMIN'),
    coordinator: await live.account('COORDINATOR'),
    participant: await live.account('PARTICIPANT', { personId: people.participant }),
    reviewer: await live.account('REVIEWER', { personId: people.reviewer }),
  };
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

/** One person's visit, in a browser context of its own; nothing may go wrong in it unseen. */
async function visit(
  who: keyof typeof accounts,
  role: Parameters<typeof signInWith>[3],
  work: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = watchProblems(page);
  await signInWith(page, live, accounts[who], role);
  try {
    await work(page);
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
}

async function choose(page: Page, label: RegExp, option: string | RegExp, typed?: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

const seminar = async () => (await admin.seminars.get(seminarId))!;

describe('a seminar from set-up to a proposal selected for support', () => {
  it('an administrator creates the seminar, publishes it and puts a lecture with a speaker on its agenda', async () => {
    await visit('admin', 'ADMIN', async (page) => {
      await page.getByRole('link', { name: 'Seminars' }).click();
      await page.getByRole('button', { name: 'New seminar' }).click();
      const drawer = page.getByRole('dialog');
      await choose(page, /^Programme/, /CIAT/);
      await drawer.getByLabel(/^Title/).fill(TITLE);
      await drawer.getByLabel(/^First day/).fill('2026-09-07');
      await drawer.getByLabel(/^Last day/).fill('2026-09-18');
      await choose(page, /^Time zone/, 'Asia/Tashkent', 'Tashkent');
      await drawer.getByLabel(/^Country/).fill('UZ');
      await drawer.getByLabel(/^Places/).fill('20');
      await drawer.getByRole('button', { name: 'Create seminar' }).click();
      await page.getByRole('heading', { name: TITLE }).waitFor();
      seminarId = new URL(page.url()).pathname.split('/').pop()!;

      await page.getByRole('button', { name: 'Publish' }).click();
      await expect.poll(() => page.getByTestId('seminar-status').textContent()).toBe('Published');

      await page.getByRole('button', { name: 'Add session' }).click();
      await drawer.getByLabel(/^Title/).fill('Digital identity and e-signatures');
      await drawer.getByLabel(/^Starts/).fill('2026-09-08T10:00');
      await drawer.getByLabel(/^Ends/).fill('2026-09-08T11:30');
      await choose(page, /^Add a speaker/, /Seomun/, 'Seomun');
      await drawer.getByRole('button', { name: 'Add session' }).click();
      const day2 = page.getByRole('region', { name: /^Day 2/ });
      await expect.poll(() => day2.getByTestId('agenda-session').textContent()).toContain('Hyejin Seomun (Speaker)');
    });
    expect(await seminar()).toMatchObject({
      title: TITLE,
      status: 'PUBLISHED',
      timezone: 'Asia/Tashkent',
      capacity: 20,
    });
    const [lecture] = (await admin.sessions.list({ first: 5, filter: { seminarId: { eq: seminarId } } })).nodes;
    expect(lecture).toMatchObject({
      kind: 'LECTURE',
      startsAtLocal: '2026-09-08T10:00:00+05:00',
      speakers: [{ role: 'SPEAKER', person: { id: people.speaker } }],
    });
    // The coordinator runs it from here: assigned to this seminar, as an administrator does in Accounts.
    const coordinator = (await admin.users.list({ first: 100 })).nodes.find(
      (u) => u.email === accounts.coordinator.email,
    )!;
    unwrap(
      await admin.users.coordinatorAssignmentsSet({ userId: coordinator.id, programIds: [], seminarIds: [seminarId] }),
    );
  });

  it('the administrator enrolls the participant and accepts and confirms them; the coordinator starts the seminar and marks attendance', async () => {
    // People outside a coordinator's seminars are not theirs to read: an administrator nominates.
    await visit('admin', 'ADMIN', async (page) => {
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/enrollments`);
      await page.getByRole('button', { name: 'Enroll a participant' }).click();
      const dialog = page.getByRole('dialog', { name: 'Enroll a participant' });
      await dialog.getByRole('combobox', { name: 'Person' }).fill('Tursunboeva');
      await page.getByRole('option', { name: /Aziza Tursunboeva/ }).click();
      await dialog.getByRole('button', { name: 'Enroll' }).click();
      await page.getByText('Aziza Tursunboeva is enrolled, waiting for a decision.').waitFor();
      for (const step of ['Accept', 'Confirm']) {
        await page.getByRole('button', { name: 'Actions for Aziza Tursunboeva' }).click();
        await page.getByRole('menuitem', { name: step }).click();
        await page.getByText(`Aziza Tursunboeva is now ${step === 'Accept' ? 'accepted' : 'confirmed'}.`).waitFor();
      }
      await expect.poll(() => page.getByTestId('places-taken').textContent()).toContain('1 of 20');
    });

    await visit('coordinator', 'COORDINATOR', async (page) => {
      // Attendance is taken once the seminar is under way: its first day (7 September 2026) has passed.
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}`);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect.poll(() => page.getByTestId('seminar-status').textContent()).toBe('In progress');
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/attendance`);
      await choose(page, /^Session/, /Digital identity and e-signatures/);
      const grid = page.getByRole('grid');
      await grid.getByRole('rowheader', { name: /Aziza Tursunboeva/ }).waitFor();
      await grid.getByRole('gridcell').first().focus();
      await page.keyboard.press('p');
      await page.getByRole('button', { name: 'Save 1 change' }).click();
      await page.getByText(/Attendance saved for 1 participant/).waitFor();

      // A seminar they do not coordinate is theirs to read, not to run: no action is offered there.
      const [example] = (await admin.seminars.list({ first: 1, search: 'Capacity Civil Servants Uzbekistan' })).nodes;
      await page.goto(`${live.api.url}/admin/seminars/${example!.id}`);
      await page.getByRole('heading', { name: example!.title }).waitFor();
      await page.getByTestId('agenda-session').first().waitFor();
      for (const action of ['Edit details', 'Add session', 'Cancel seminar']) {
        expect(await page.getByRole('button', { name: action }).count()).toBe(0);
      }
    });
    const [enrollment] = (await admin.enrollments.list({ first: 5, filter: { seminarId: { eq: seminarId } } })).nodes;
    expect(enrollment).toMatchObject({ status: 'CONFIRMED', person: { id: people.participant } });
    expect(enrollment!.attendance.map((a) => a.status)).toEqual(['PRESENT']);
  });

  it('the participant writes a proposal and submits it', async () => {
    await visit('participant', 'PARTICIPANT', async (page) => {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My proposals' }).click();
      await page.getByRole('link', { name: 'Write a proposal' }).click();
      await choose(page, /^Seminar/, TITLE);
      await page.getByRole('textbox', { name: /^Title/ }).fill(PROPOSAL);
      await page.getByRole('textbox', { name: /^Summary/ }).fill('One counter and one portal for every permit.');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.waitForURL(/\/admin\/my-proposals\/(?!new)[^/]+$/);
      proposalId = decodeURIComponent(page.url().split('/').pop()!);
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Submitted');
    });
    expect((await admin.proposals.get(proposalId))!.status).toBe('SUBMITTED');
  });

  it('an administrator assigns a reviewer, the coordinator starts the review, the reviewer scores every criterion', async () => {
    // Reviewers are experts from outside the seminar, whom only an administrator may look up.
    await visit('admin', 'ADMIN', async (page) => {
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/proposals`);
      await page.getByTestId('column-SUBMITTED').getByRole('link', { name: PROPOSAL }).click();
      await choose(page, /^Assign a reviewer/, /Expert Namgoong/, 'Namgoong');
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText('The reviewer is assigned').waitFor();
    });
    await visit('coordinator', 'COORDINATOR', async (page) => {
      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/proposals`);
      await page.getByTestId('column-SUBMITTED').getByRole('link', { name: PROPOSAL }).click();
      await page.getByRole('button', { name: 'Start review' }).click();
      await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Under review');
    });
    const proposal = (await admin.proposals.get(proposalId))!;
    const criteria = (await admin.programs.get(proposal.seminar.program.id))!.reviewCriteria;
    expect(criteria.length).toBeGreaterThan(0);

    await visit('reviewer', 'REVIEWER', async (page) => {
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
      await page.getByRole('button', { name: 'Submit review' }).click();
      await page.getByRole('heading', { name: 'Your review' }).waitFor();
    });
    const [review] = (await admin.proposals.get(proposalId))!.reviews.nodes;
    expect(review).toMatchObject({ recommendation: 'SELECT', reviewer: { id: people.reviewer } });
  });

  it('the coordinator selects it for support, and the dashboard shows the change', async () => {
    const before = (await admin.proposals.list({ first: 0, filter: { status: { eq: 'SELECTED_FOR_SUPPORT' } } }))
      .totalCount;
    await visit('coordinator', 'COORDINATOR', async (page) => {
      const bar = page.getByRole('progressbar', { name: /^Selected for support:/ });
      await expect.poll(() => bar.getAttribute('aria-label')).toBe(`Selected for support: ${before}`);

      await page.goto(`${live.api.url}/admin/seminars/${seminarId}/proposals/${proposalId}`);
      await page.getByRole('button', { name: 'Select for support' }).click();
      const dialog = page.getByRole('dialog', { name: 'Select for support' });
      await choose(page, /^Support offered/, 'Pilot');
      await dialog.getByRole('button', { name: 'Select for support' }).click();
      await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Selected for support');

      await page.getByRole('link', { name: 'Dashboard' }).click();
      await expect.poll(() => bar.getAttribute('aria-label')).toBe(`Selected for support: ${before + 1}`);
      await screenshot(page, 'dashboard-after-selection');
    });
    expect((await admin.proposals.get(proposalId))!.status).toBe('SELECTED_FOR_SUPPORT');
  });
});
