import { EXAMPLE_PROGRAM_ID, EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProposal, moveProposal } from '../../../test/proposals.ts';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';
import { monthsAfter, today } from './schedule.ts';

let api: TestApi;
let lead: Actor;
let teammate: Actor;
let outsider: Actor;
let coordinator: Actor;
let admin: Actor;

const REPORT = 'id monthsAfter dueDate submittedAt overdue reviewOutcome reviewNote reviewedAt version';
const REPORTS = `query($id: ID!) { proposal(id: $id) { progressReports { nodes { ${REPORT} } } } }`;
const REVIEW = `mutation($input: ProgressReportReviewInput!) { progressReportReview(input: $input) { progressReport { ${REPORT} } userErrors { field code message } } }`;
const UPDATE =
  'mutation($input: ProgressReportUpdateInput!) { progressReportUpdate(input: $input) { progressReport { id version } userErrors { code } } }';
const SUBMIT = `mutation($input: ProgressReportRefInput!) { progressReportSubmit(input: $input) { progressReport { ${REPORT} } userErrors { field code message } } }`;
const DUE_REPORTS = `query($filter: ProgressReportFilter) { progressReports(first: 100, filter: $filter) { totalCount nodes { monthsAfter dueDate overdue proposal { id } } } }`;
const DUE_MILESTONES = `query($filter: MilestoneFilter) { milestones(first: 100, filter: $filter) { totalCount nodes { title dueDate overdue status proposal { id } } } }`;
const PLAN =
  'mutation($input: MilestoneCreateInput!) { milestoneCreate(input: $input) { milestone { id version overdue } userErrors { code } } }';

type Report = { id: string; monthsAfter: number; dueDate: string; version: number; submittedAt: string | null };
const reportsOf = async (actor: Actor, proposal: { id: string }): Promise<Report[]> =>
  (await actor.graphql(REPORTS, { id: proposal.id })).data.proposal.progressReports.nodes;
const review = async (actor: Actor, report: Report, outcome: string, note?: string | null) =>
  (await actor.graphql(REVIEW, { input: { id: report.id, version: report.version, outcome, note } })).data
    .progressReportReview;
/** Fills in the report's summary and submits it, as the team does. */
async function submitted(actor: Actor, report: Report) {
  const filled = (
    await actor.graphql(UPDATE, { input: { id: report.id, version: report.version, summary: 'Two districts.' } })
  ).data.progressReportUpdate;
  expect(filled.userErrors).toEqual([]);
  const sent = (await actor.graphql(SUBMIT, { input: filled.progressReport })).data.progressReportSubmit;
  expect(sent.userErrors).toEqual([]);
  return sent.progressReport as Report;
}
const rows = async () =>
  JSON.stringify([
    await api.db.prisma.progressReport.findMany({ orderBy: { id: 'asc' } }),
    await api.db.prisma.auditEvent.count(),
  ]);
const iso = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startTestApi();
  const enrolled = await api.db.prisma.enrollment.findMany({
    where: { seminarId: EXAMPLE_SEMINAR_ID, status: { in: ['ACCEPTED', 'CONFIRMED', 'COMPLETED'] } },
    orderBy: { id: 'asc' },
    take: 3,
  });
  const [first, second, third] = enrolled;
  if (!first || !second || !third) throw new Error('the seed enrolls participants');
  lead = await api.as('PARTICIPANT', { personId: first.personId });
  teammate = await api.as('PARTICIPANT', { personId: second.personId });
  outsider = await api.as('PARTICIPANT', { personId: third.personId });
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

describe('starting implementation', () => {
  it('schedules the 3, 6 and 12-month reports, due that long after the seminar’s last day', async () => {
    const selected = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'SELECTED_FOR_SUPPORT',
      title: 'Scheduled',
    });
    expect(await reportsOf(lead, selected)).toEqual([]);
    await moveProposal(coordinator, 'StartImplementation', selected);
    const { endDate } = await api.db.prisma.seminar.findUniqueOrThrow({ where: { id: EXAMPLE_SEMINAR_ID } });
    const reports = await reportsOf(lead, selected);
    expect(reports.map((report) => [report.monthsAfter, report.dueDate])).toEqual(
      [3, 6, 12].map((months) => [months, iso(monthsAfter(endDate, months))]),
    );
    for (const report of reports) {
      expect(report).toMatchObject({ submittedAt: null, reviewOutcome: null, version: 1 });
      expect((report as unknown as { overdue: boolean }).overdue).toBe(new Date(report.dueDate) < today());
    }
  });

  it('counts months in the calendar, keeping the day within the month', () => {
    expect(iso(monthsAfter(new Date('2025-10-25'), 3))).toBe('2026-01-25');
    expect(iso(monthsAfter(new Date('2025-10-31'), 4))).toBe('2026-02-28');
    expect(iso(monthsAfter(new Date('2027-11-30'), 3))).toBe('2028-02-29');
  });
});

describe('reviewing a progress report', () => {
  it('is for staff, once, on a submitted report: ACCEPTED closes it, RETURNED hands it back', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'IN_IMPLEMENTATION',
      title: 'Reviewed',
    });
    const [three, six] = await reportsOf(lead, proposal);
    if (!three || !six) throw new Error('reports are scheduled');

    let before = await rows();
    expect((await review(coordinator, three, 'ACCEPTED')).userErrors).toEqual([
      {
        field: ['input', 'id'],
        code: 'INVALID_TRANSITION',
        message: 'The progress report is not submitted: there is nothing to review.',
      },
    ]);
    expect(await rows()).toBe(before);

    const sent = await submitted(lead, three);
    before = await rows();
    // The team cannot review its own report: to them it looks missing.
    expect((await review(lead, sent, 'ACCEPTED')).userErrors).toEqual([
      { field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such progress report.' },
    ]);
    expect((await review(coordinator, sent, 'RETURNED', '  ')).userErrors).toEqual([
      { field: ['input', 'note'], code: 'INVALID', message: 'Say what the team should add or change.' },
    ]);
    expect((await review(coordinator, sent, 'ACCEPTED', 'x'.repeat(2001))).userErrors[0].field).toEqual([
      'input',
      'note',
    ]);
    expect((await review(coordinator, three, 'ACCEPTED')).userErrors[0].code).toBe('CONFLICT');
    expect(await rows()).toBe(before);

    const returned = await review(coordinator, sent, 'RETURNED', 'Add the district figures.');
    expect(returned.userErrors).toEqual([]);
    expect(returned.progressReport).toMatchObject({
      submittedAt: null,
      reviewOutcome: 'RETURNED',
      reviewNote: 'Add the district figures.',
      overdue: new Date(three.dueDate) < today(),
    });
    expect(Date.parse(returned.progressReport.reviewedAt)).toBeGreaterThan(Date.now() - 60_000);

    // The team completes it and submits again: the new submission waits for a new review.
    const again = await submitted(lead, returned.progressReport);
    expect(again).toMatchObject({ reviewOutcome: null, reviewNote: null, reviewedAt: null, overdue: false });
    const accepted = await review(admin, again, 'ACCEPTED', 'Thank you.');
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.progressReport).toMatchObject({ reviewOutcome: 'ACCEPTED', reviewNote: 'Thank you.' });

    before = await rows();
    expect((await review(coordinator, accepted.progressReport, 'RETURNED', 'More.')).userErrors).toEqual([
      {
        field: ['input', 'id'],
        code: 'INVALID_TRANSITION',
        message: 'The progress report is already reviewed (ACCEPTED).',
      },
    ]);
    expect(await rows()).toBe(before);
    const events = await api.db.prisma.auditEvent.findMany({
      where: { action: 'progressReport.review' },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    expect(
      events.map((event) => [event.actorUserId, (event.after as { reviewOutcome: string }).reviewOutcome]),
    ).toEqual([
      [coordinator.userId, 'RETURNED'],
      [admin.userId, 'ACCEPTED'],
    ]);
  });
});

describe('what is due across a programme', () => {
  it('lists open reports and milestones by due date, overdue first, for those who may read them', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'IN_IMPLEMENTATION',
      title: 'Followed up',
      members: [teammate.personId as string],
    });
    const late = (
      await lead.graphql(PLAN, { input: { proposalId: proposal.id, title: 'Late', dueDate: '2026-02-01' } })
    ).data.milestoneCreate.milestone;
    const later = (
      await lead.graphql(PLAN, { input: { proposalId: proposal.id, title: 'Far off', dueDate: '2099-06-30' } })
    ).data.milestoneCreate.milestone;
    expect(late.overdue).toBe(new Date('2026-02-01') < today());
    expect(later.overdue).toBe(false);

    const programId = toGlobalId('Program', EXAMPLE_PROGRAM_ID);
    const filter = { programId: { eq: programId }, proposalId: { eq: proposal.id }, submitted: false };
    const due = (await coordinator.graphql(DUE_REPORTS, { filter })).data.progressReports;
    expect(due.nodes.map((node: { monthsAfter: number }) => node.monthsAfter)).toEqual([3, 6, 12]);
    const overdueOnly = (await coordinator.graphql(DUE_REPORTS, { filter: { ...filter, overdue: true } })).data
      .progressReports;
    expect(overdueOnly.nodes.every((node: { overdue: boolean }) => node.overdue)).toBe(true);
    expect(overdueOnly.totalCount).toBe(due.nodes.filter((node: { overdue: boolean }) => node.overdue).length);

    const milestones = (
      await coordinator.graphql(DUE_MILESTONES, {
        filter: {
          programId: { eq: programId },
          proposalId: { eq: proposal.id },
          status: { in: ['PLANNED', 'IN_PROGRESS'] },
        },
      })
    ).data.milestones;
    expect(milestones.nodes.map((node: { title: string }) => node.title)).toEqual(['Late', 'Far off']);
    const notOverdue = (
      await coordinator.graphql(DUE_MILESTONES, { filter: { proposalId: { eq: proposal.id }, overdue: false } })
    ).data.milestones;
    expect(notOverdue.nodes.map((node: { title: string }) => node.title)).toEqual(
      new Date('2026-02-01') < today() ? ['Far off'] : ['Late', 'Far off'],
    );

    // Another programme has none of these; a participant off the team sees none; the team sees its own.
    const elsewhere = { ...filter, programId: { eq: toGlobalId('Program', '00000000-0000-7000-8000-000000000000') } };
    expect((await coordinator.graphql(DUE_REPORTS, { filter: elsewhere })).data.progressReports.totalCount).toBe(0);
    expect((await outsider.graphql(DUE_REPORTS, { filter })).data.progressReports.totalCount).toBe(0);
    expect(
      (await outsider.graphql(DUE_MILESTONES, { filter: { proposalId: { eq: proposal.id } } })).data.milestones
        .totalCount,
    ).toBe(0);
    expect((await teammate.graphql(DUE_REPORTS, { filter })).data.progressReports.totalCount).toBe(3);
  });

  it('includes submitted reports waiting for review, on request', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'IN_IMPLEMENTATION',
      title: 'Waiting',
    });
    const [three] = await reportsOf(lead, proposal);
    if (!three) throw new Error('reports are scheduled');
    await submitted(lead, three);
    const waiting = (
      await coordinator.graphql(DUE_REPORTS, { filter: { proposalId: { eq: proposal.id }, awaitingReview: true } })
    ).data.progressReports;
    expect(waiting.nodes.map((node: { monthsAfter: number }) => node.monthsAfter)).toEqual([3]);
  });
});

describe('team candidates', () => {
  const CANDIDATES =
    'query($id: ID!, $search: String) { proposal(id: $id) { teamCandidates(search: $search) { personId fullName } } }';

  it('are the people accepted into the seminar who are not on the team, for the team and staff', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { title: 'Candidates' });
    const accepted = await api.db.prisma.enrollment.findMany({
      where: { seminarId: EXAMPLE_SEMINAR_ID, status: { in: ['ACCEPTED', 'CONFIRMED', 'COMPLETED'] } },
      select: { personId: true },
    });
    const expected = accepted
      .map((row) => toGlobalId('Person', row.personId))
      .filter((id) => id !== toGlobalId('Person', lead.personId as string))
      .sort();
    const seen = (await lead.graphql(CANDIDATES, { id: proposal.id })).data.proposal.teamCandidates;
    expect(seen.map((row: { personId: string }) => row.personId).sort()).toEqual(expected);
    expect((await coordinator.graphql(CANDIDATES, { id: proposal.id })).data.proposal.teamCandidates).toHaveLength(
      expected.length,
    );
    const name = (seen[0].fullName as string).split(' ')[0] ?? '';
    const found = (await lead.graphql(CANDIDATES, { id: proposal.id, search: name.toLowerCase() })).data.proposal
      .teamCandidates;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((row: { fullName: string }) => row.fullName.toLowerCase().includes(name.toLowerCase()))).toBe(
      true,
    );
    expect((await outsider.graphql(CANDIDATES, { id: proposal.id })).data.proposal?.teamCandidates ?? []).toEqual([]);
  });
});
