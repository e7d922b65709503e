import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, signInWith, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';
import { type ProposalWorld, proposalWorld, reviewerPerson } from '../test/proposals.ts';

// A proposal's way from a participant's draft to a selection for support, through the built admin in
// Chromium: the participant writes and submits it, an administrator assigns a reviewer and starts the
// review, the reviewer scores every criterion, and the administrator selects it; the SDK checks each step.
let live: LiveAdmin;
let browser: Browser;
let world: ProposalWorld;
let reviewerId: string;
let reviewerAccount: { email: string; password: string };
let proposalId: string;
const TITLE = 'One-stop digital public services in Samarkand region';

/** What went wrong in the browser that the page did not show: errors, CSP violations, failed requests. */
const watched: string[][] = [];

async function newPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  watched.push(watchProblems(page));
  return page;
}

/** Ends a user's visit; nothing may have gone wrong in it. */
async function leave(page: Page) {
  await page.context().close();
  expect(watched.flat()).toEqual([]);
}

/** Picks an option of a Mantine select, searching for it when the select asks the API. */
async function choose(page: Page, label: RegExp, option: string, search?: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).click();
}

const proposal = async () => (await world.admin.proposals.get(proposalId))!;

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  world = await proposalWorld(live);
  reviewerId = await reviewerPerson(world.admin, 'Kimreviewer');
  reviewerAccount = await live.account('REVIEWER', { personId: reviewerId });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('a proposal from draft to support', () => {
  it('a participant writes a proposal for a seminar they are in, saves it as a draft and submits it', async () => {
    const page = await newPage();
    await signIn(page, live, 'PARTICIPANT', { personId: world.freeParticipantIds[0]! });
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['My seminars', 'My proposals']);
    await nav.getByRole('link', { name: 'My proposals' }).click();
    await expect.poll(() => page.getByText('You are not on a proposal team yet').count()).toBe(1);

    await page.getByRole('link', { name: 'Write a proposal' }).click();
    await choose(page, /^Seminar/, 'Digital Transformation, second cohort');
    await page.getByRole('textbox', { name: /^Title/ }).fill(TITLE);
    await page.getByRole('textbox', { name: /^Summary/ }).fill('Bring 40 services to one counter and one portal.');
    await page.getByRole('textbox', { name: /^Problem/ }).fill('Citizens visit up to five offices for one permit.');
    await page.getByRole('textbox', { name: /^Objectives/ }).fill('Halve the visits within a year.');
    const organization = (await world.admin.organizations.get(world.organizationId))!;
    await choose(page, /^Implementing organization/, organization.name, organization.name.split(' ')[0]);
    await page.getByRole('button', { name: 'Save draft' }).click();

    await page.waitForURL(/\/admin\/my-proposals\/(?!new)[^/]+$/);
    proposalId = decodeURIComponent(page.url().split('/').pop()!);
    await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Draft');
    const draft = await proposal();
    expect(draft).toMatchObject({ title: TITLE, status: 'DRAFT', implementingOrganization: { id: organization.id } });
    expect(draft.members.map((member) => [member.person.id, member.role])).toEqual([
      [world.freeParticipantIds[0], 'LEAD'],
    ]);

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Submitted');
    expect((await proposal()).status).toBe('SUBMITTED');

    await page.getByRole('link', { name: '← My proposals' }).click();
    await page.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
    await screenshot(page, 'my-proposals');
    // The dashboard is not a participant's: the index sends them to their own area.
    await page.goto(`${live.api.url}/admin/`);
    await page.getByRole('heading', { name: 'My seminars', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Dashboard' }).count()).toBe(0);
    await leave(page);
  });

  it("an administrator assigns a reviewer (the API's refusal of a non-reviewer shown) and starts the review", async () => {
    const page = await newPage();
    await signIn(page, live, 'ADMIN');
    await page.goto(`${live.api.url}/admin/seminars/${world.seminarId}/proposals`);
    const submitted = page.getByTestId('column-SUBMITTED');
    await submitted.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();

    // A participant has no REVIEWER account: the API refuses, and its words are shown.
    await choose(page, /^Assign a reviewer/, 'Jasur Participant', 'Jasur');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('There is no such reviewer (a person with a REVIEWER account).').waitFor();

    await choose(page, /^Assign a reviewer/, 'Expert Kimreviewer', 'Kimreviewer');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('The reviewer is assigned').waitFor();
    const assigned = page.getByRole('list', { name: 'Assigned reviewers' });
    await expect.poll(() => assigned.textContent()).toBe('Expert KimreviewerWaitingUnassign');
    expect((await proposal()).reviewers.map((person) => person.id)).toEqual([reviewerId]);

    // Only what SUBMITTED allows is offered.
    expect(await page.getByRole('button', { name: 'Select for support' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Start review' }).click();
    await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Under review');
    expect((await proposal()).status).toBe('UNDER_REVIEW');
    await leave(page);
  });

  it('the reviewer finds it under Reviews and scores every criterion, without any staff action offered', async () => {
    const page = await newPage();
    await signInWith(page, live, reviewerAccount, 'REVIEWER');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Reviews']);
    await page
      .getByRole('region', { name: 'To review' })
      .getByRole('link', { name: new RegExp(TITLE) })
      .click();
    await page.getByRole('heading', { name: 'Review this proposal' }).waitFor();

    expect(world.criteria.length).toBeGreaterThan(0);
    for (const criterion of world.criteria) {
      await page.getByRole('textbox', { name: new RegExp(`^${criterion.name} \\(`) }).fill(String(criterion.maxScore));
    }
    await page.getByRole('radio', { name: 'Select' }).check();
    await page.getByRole('textbox', { name: /^Comment to the authors/ }).fill('Feasible, with a clear owner.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'review-form');
    for (const staffAction of ['Start review', 'Select for support', 'Decline', 'Assign']) {
      expect(await page.getByRole('button', { name: staffAction, exact: true }).count()).toBe(0);
    }
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByRole('heading', { name: 'Your review' }).waitFor();

    const [review] = (await proposal()).reviews.nodes;
    expect(review).toMatchObject({ recommendation: 'SELECT', reviewer: { id: reviewerId } });
    expect(review!.scores.map((score) => score.score)).toEqual(world.criteria.map((c) => c.maxScore));

    await page.goto(`${live.api.url}/admin/`);
    await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    await leave(page);
  });

  it('the administrator reads the review and selects the proposal for support, on a tablet', async () => {
    const page = await newPage(768);
    await signIn(page, live, 'ADMIN');
    await page.goto(`${live.api.url}/admin/seminars/${world.seminarId}/proposals/${proposalId}`);
    await page.getByTestId('review').waitFor();
    expect(await page.getByTestId('review').textContent()).toContain('Expert Kimreviewer');
    expect(await page.getByTestId('review-summary').textContent()).toMatch(/^1 of 1 assigned reviewers/);
    // A reviewer who handed in a review stays assigned: no way to take them off is offered.
    expect(await page.getByRole('button', { name: 'Unassign Expert Kimreviewer' }).count()).toBe(0);
    await screenshot(page, 'proposal-detail');

    await page.getByRole('button', { name: 'Select for support' }).click();
    const dialog = page.getByRole('dialog', { name: 'Select for support' });
    await choose(page, /^Support offered/, 'Pilot');
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('A pilot in two districts.');
    await dialog.getByRole('button', { name: 'Select for support' }).click();
    await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('Selected for support');

    const selected = await proposal();
    expect(selected.status).toBe('SELECTED_FOR_SUPPORT');
    expect(selected.decisions.at(-1)).toMatchObject({
      kind: 'SELECTED_FOR_SUPPORT',
      supportType: 'PILOT',
      note: 'A pilot in two districts.',
    });

    await page.getByRole('link', { name: '← All proposals' }).click();
    const card = page.getByTestId('column-SELECTED_FOR_SUPPORT').getByTestId('proposal-card');
    await expect.poll(() => card.textContent()).toContain(TITLE);
    expect(await card.getByTestId('review-progress').textContent()).toMatch(/^1\/1 reviewed · avg \d/);
    // At tablet width the board scrolls sideways rather than squeezing a column with proposals below 168 px.
    const column = await page.getByTestId('column-SELECTED_FOR_SUPPORT').boundingBox();
    expect(column!.width).toBeGreaterThanOrEqual(168);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'proposals-board');
    await leave(page);
  });
});
