import { type Client, createClient, unwrap } from '@seminarhub/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn, watchProblems } from '../test/browser.ts';
import { type LiveAdmin, startLiveAdmin } from '../test/live-api.ts';

// A proposal's team and follow-up through the built admin in Chromium, on the example seminar: a writer
// adds a teammate and hands over the lead; staff start implementation of the selected proposal and plan
// its milestones; its team submits the 3-month report; staff accept it; the programme's follow-up list
// shows what is still due and what is overdue. The SDK checks each step.
let live: LiveAdmin;
let browser: Browser;
let admin: Client;
let seminarId: string;
let programId: string;
let selectedId: string;
let selectedLead: string;
let draftId: string;
let writer: { id: string; fullName: string };
let teammate: { id: string; fullName: string };

const watched: string[][] = [];

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watched.push(watchProblems(page));
  return page;
}

async function leave(page: Page) {
  await page.context().close();
  expect(watched.flat()).toEqual([]);
}

const get = async (id: string) => (await admin.proposals.get(id))!;

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveAdmin();
  admin = createClient({ url: live.endpoint, token: (await live.api.as('ADMIN')).token });
  const example = (await admin.seminars.list({ first: 1 })).nodes[0]!;
  seminarId = example.id;
  programId = (await admin.seminars.get(seminarId))!.program.id;
  const proposals = (await admin.proposals.list({ first: 20, filter: { seminarId: { eq: seminarId } } })).nodes;
  const selected = proposals.find((proposal) => proposal.status === 'SELECTED_FOR_SUPPORT')!;
  selectedId = selected.id;
  selectedLead = selected.members.find((member) => member.role === 'LEAD')!.person.id;
  // A writer from another team starts a new draft; a teammate of theirs is to join it.
  const other = proposals.find((proposal) => proposal.status !== 'SELECTED_FOR_SUPPORT')!;
  const [first, second] = other.members.map((member) => member.person);
  writer = first!;
  teammate = second!;
  draftId = unwrap(
    await admin.proposals.create({ seminarId, title: 'Open budget portal for districts', memberIds: [writer.id] }),
  ).proposal!.id;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('a proposal’s team and follow-up', () => {
  it('the writer adds a teammate and hands over the lead; a refusal is shown on the member it is about', async () => {
    const page = await newPage();
    await signIn(page, live, 'PARTICIPANT', { personId: writer.id });
    // Participants land on My seminars; their proposals are one section down.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My proposals' }).click();
    await page.getByRole('link', { name: /Open budget portal for districts/ }).click();
    await page.getByRole('list', { name: 'Team' }).waitFor();

    const picker = page.getByRole('combobox', { name: 'Add a member' });
    await picker.click();
    await picker.fill(teammate.fullName.split(' ')[0]!);
    await page.getByRole('option', { name: new RegExp(teammate.fullName) }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(`${teammate.fullName} is on the team.`).waitFor();
    await page.getByRole('button', { name: `Make ${teammate.fullName} the lead` }).click();
    await page.getByText('The lead is handed over.').waitFor();
    expect((await get(draftId)).members.map((member) => [member.person.id, member.role]).sort()).toEqual(
      [
        [writer.id, 'MEMBER'],
        [teammate.id, 'LEAD'],
      ].sort(),
    );

    // Taking the only lead off is refused: the API's words appear beside that member, nothing changes.
    const version = (await get(draftId)).version;
    await page.getByRole('button', { name: `Remove ${teammate.fullName}` }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The proposal would have no lead: hand the lead to another member first.' })
      .waitFor();
    expect((await get(draftId)).version).toBe(version);
    await screenshot(page, 'proposal-team');
    await leave(page);
  });

  it('staff start implementation of the selected proposal and plan its milestones', async () => {
    const page = await newPage();
    await signIn(page, live, 'ADMIN');
    await page.goto(`${live.api.url}/admin/seminars/${seminarId}/proposals/${selectedId}`);
    await page.getByRole('button', { name: 'Start implementation' }).click();
    await expect.poll(() => page.getByTestId('proposal-status').textContent()).toBe('In implementation');
    const followUp = page.locator('[aria-label="Follow-up"]');
    for (const name of ['3-month report', '6-month report', '12-month report']) {
      await followUp.getByText(name, { exact: true }).waitFor();
    }

    for (const [title, dueDate] of [
      ['Pilot in two districts', '2026-02-01'],
      ['Roll out nationwide', '2030-06-30'],
    ] as const) {
      await page.getByRole('button', { name: 'Add a milestone' }).click();
      const form = page.getByRole('form', { name: 'New milestone' });
      await form.getByRole('textbox', { name: /^Title/ }).fill(title);
      await form.getByLabel(/^Due date/).fill(dueDate);
      await form.getByRole('textbox', { name: /^Description/ }).fill('Agreed with the ministry.');
      await form.getByRole('button', { name: 'Add' }).click();
      await page.getByRole('table', { name: 'Milestones' }).getByText(title, { exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Start: Pilot in two districts' }).click();
    await page.getByText('“Pilot in two districts” is started.').waitFor();

    const proposal = await get(selectedId);
    expect(proposal.status).toBe('IN_IMPLEMENTATION');
    expect(proposal.milestones.nodes.map((m) => [m.title, m.dueDate, m.status])).toEqual([
      ['Pilot in two districts', '2026-02-01', 'IN_PROGRESS'],
      ['Roll out nationwide', '2030-06-30', 'PLANNED'],
    ]);
    // Every overdue mark on the page is one the API gives.
    const overdue =
      proposal.milestones.nodes.filter((m) => m.overdue).length +
      proposal.progressReports.nodes.filter((r) => r.overdue).length;
    await expect.poll(() => followUp.getByText('Overdue', { exact: true }).count()).toBe(overdue);
    await screenshot(page, 'proposal-follow-up-staff');
    await leave(page);
  });

  it('the team fills in and submits the 3-month report', async () => {
    const page = await newPage();
    await signIn(page, live, 'PARTICIPANT', { personId: selectedLead });
    // Participants land on My seminars; their proposals are one section down.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My proposals' }).click();
    await page.getByRole('link', { name: new RegExp((await get(selectedId)).title) }).click();
    const form = page.getByRole('form', { name: 'Fill in the 3-month report' });
    await form.getByRole('textbox', { name: /^Carried out/ }).fill('40');
    await form.getByRole('textbox', { name: /^Summary/ }).fill('The pilot runs in two districts.');
    await form.getByRole('button', { name: 'Save report' }).click();
    await page.getByText('The report is saved.').waitFor();
    await form.getByRole('button', { name: 'Submit report' }).click();
    await page.getByText('The 3-month report is submitted for review.').waitFor();
    const card = page.locator('[aria-label="3-month report"]');
    await card.getByText('Awaiting review').waitFor();
    const report = (await get(selectedId)).progressReports.nodes.find((r) => r.monthsAfter === 3)!;
    expect(report).toMatchObject({ percentComplete: 40, summary: 'The pilot runs in two districts.' });
    expect(report.submittedAt).not.toBeNull();
    await screenshot(page, 'my-proposal-follow-up');
    await leave(page);
  });

  it('staff accept the report, and the programme’s follow-up list shows what is due and overdue', async () => {
    const page = await newPage();
    await signIn(page, live, 'ADMIN');
    await page.goto(`${live.api.url}/admin/seminars/${seminarId}/proposals/${selectedId}`);
    const review = page.getByRole('form', { name: 'Review the 3-month report' });
    await review.getByRole('textbox', { name: /^Review note/ }).fill('Clear and complete.');
    await review.getByRole('button', { name: 'Accept report' }).click();
    await page.getByText('The report is accepted.').waitFor();
    await page.locator('[aria-label="3-month report"]').getByText('Accepted').waitFor();
    expect((await get(selectedId)).progressReports.nodes.find((r) => r.monthsAfter === 3)).toMatchObject({
      reviewOutcome: 'ACCEPTED',
      reviewNote: 'Clear and complete.',
    });

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Follow-up' }).click();
    await page.getByRole('heading', { name: 'Follow-up', level: 1 }).waitFor();
    await page.getByLabel('Due before').fill('2031-01-01');
    const inProgram = { programId: { eq: programId } };
    const due = await admin.progressReports.list({
      first: 100,
      filter: { ...inProgram, submitted: false, dueDate: { lt: '2031-01-01' } },
    });
    const milestones = await admin.milestones.list({
      first: 100,
      filter: { ...inProgram, status: { in: ['PLANNED', 'IN_PROGRESS'] }, dueDate: { lt: '2031-01-01' } },
    });
    expect(due.nodes.map((r) => r.monthsAfter)).toEqual([6, 12]);
    const reports = page.getByRole('table', { name: 'Progress reports due' });
    await expect.poll(() => reports.getByRole('row').count()).toBe(due.totalCount + 1);
    await expect
      .poll(() => page.getByRole('table', { name: 'Milestones due' }).getByRole('row').count())
      .toBe(milestones.totalCount + 1);
    const overdue = [...due.nodes, ...milestones.nodes].filter((row) => row.overdue).length;
    await expect
      .poll(() => page.getByTestId('overdue-count').textContent())
      .toBe(overdue ? `${overdue} overdue` : 'Nothing overdue');
    await expect.poll(() => page.getByText('Overdue', { exact: true }).count()).toBe(overdue);
    await page.getByText('No submitted report is waiting for a review.').waitFor();
    await screenshot(page, 'follow-up');
    await leave(page);
  });
});
