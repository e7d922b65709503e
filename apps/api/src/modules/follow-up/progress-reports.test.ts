import { EXAMPLE_SEMINAR_ID, type ProposalStatus } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProposal, moveProposal } from '../../../test/proposals.ts';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';

let api: TestApi;
let lead: Actor;
let coordinator: Actor;
let outsider: Actor;
let reviewerPerson: string;

const FIELDS =
  'id monthsAfter dueDate submittedAt percentComplete outcomeLevel summary version milestone { id } proposal { id }';
const PAYLOAD = `progressReport { ${FIELDS} } userErrors { field code message }`;
const CREATE = `mutation($input: ProgressReportCreateInput!) { progressReportCreate(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: ProgressReportUpdateInput!) { progressReportUpdate(input: $input) { ${PAYLOAD} } }`;
const SUBMIT = `mutation($input: ProgressReportRefInput!) { progressReportSubmit(input: $input) { ${PAYLOAD} } }`;
const DELETE =
  'mutation($input: ProgressReportRefInput!) { progressReportDelete(input: $input) { deletedId userErrors { field code message } } }';

const schedule = async (actor: Actor, proposal: { id: string }, monthsAfter = 9, dueDate = '2026-07-25') =>
  (await actor.graphql(CREATE, { input: { proposalId: proposal.id, monthsAfter, dueDate } })).data.progressReportCreate;
const update = async (actor: Actor, report: { id: string; version: number }, fields: Record<string, unknown>) =>
  (await actor.graphql(UPDATE, { input: { id: report.id, version: report.version, ...fields } })).data
    .progressReportUpdate;
const submit = async (actor: Actor, report: { id: string; version: number }) =>
  (await actor.graphql(SUBMIT, { input: { id: report.id, version: report.version } })).data.progressReportSubmit;
const remove = async (actor: Actor, report: { id: string; version: number }) =>
  (await actor.graphql(DELETE, { input: { id: report.id, version: report.version } })).data.progressReportDelete;
/** Report rows and audit events: what a refusal must leave as it was. */
const written = async () =>
  JSON.stringify([
    await api.db.prisma.progressReport.findMany({ orderBy: { id: 'asc' } }),
    await api.db.prisma.auditEvent.count(),
  ]);
const implementing = (title: string) =>
  givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { status: 'IN_IMPLEMENTATION', title });

beforeAll(async () => {
  api = await startTestApi();
  const [first, second, third] = await api.db.prisma.enrollment.findMany({
    where: { seminarId: EXAMPLE_SEMINAR_ID },
    orderBy: { id: 'asc' },
    take: 3,
  });
  if (!first || !second || !third) throw new Error('the seed enrolls participants');
  lead = await api.as('PARTICIPANT', { personId: first.personId });
  outsider = await api.as('PARTICIPANT', { personId: second.personId });
  reviewerPerson = third.personId;
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
});
afterAll(() => api?.close());

describe('progress reports', () => {
  it('are scheduled by staff, filled in and submitted by the team, listed by due date, audited', async () => {
    const proposal = await implementing('Reported on');
    const milestone = (
      await lead.graphql(
        'mutation($input: MilestoneCreateInput!) { milestoneCreate(input: $input) { milestone { id } } }',
        { input: { proposalId: proposal.id, title: 'Pilot', dueDate: '2027-02-01' } },
      )
    ).data.milestoneCreate.milestone;

    // The 3, 6 and 12-month reports came with the start of implementation; staff add others.
    const twelve = await schedule(coordinator, proposal, 18, '2027-04-25');
    expect(twelve.userErrors).toEqual([]);
    const three = await schedule(coordinator, proposal, 9, '2026-07-25');
    expect(three.progressReport).toMatchObject({
      monthsAfter: 9,
      dueDate: '2026-07-25',
      submittedAt: null,
      percentComplete: 0,
      outcomeLevel: 'NONE',
      summary: null,
      version: 1,
      milestone: null,
      proposal: { id: proposal.id },
    });

    const filled = await update(lead, three.progressReport, {
      percentComplete: 40,
      outcomeLevel: 'APPLIED',
      summary: ' Two districts use the registry. ',
      milestoneId: milestone.id,
    });
    expect(filled.userErrors).toEqual([]);
    expect(filled.progressReport).toMatchObject({
      percentComplete: 40,
      outcomeLevel: 'APPLIED',
      summary: 'Two districts use the registry.',
      milestone: { id: milestone.id },
      version: 2,
    });
    const submitted = await submit(lead, filled.progressReport);
    expect(submitted.userErrors).toEqual([]);
    expect(submitted.progressReport.version).toBe(3);
    expect(Date.parse(submitted.progressReport.submittedAt)).toBeGreaterThan(Date.now() - 60_000);

    const listed = await lead.graphql(
      'query($id: ID!) { proposal(id: $id) { progressReports { totalCount nodes { monthsAfter submittedAt } } } }',
      { id: proposal.id },
    );
    expect(listed.data.proposal.progressReports.totalCount).toBe(5);
    expect(listed.data.proposal.progressReports.nodes.map((node: { monthsAfter: number }) => node.monthsAfter)).toEqual(
      [3, 6, 9, 12, 18],
    );

    expect(await remove(coordinator, twelve.progressReport)).toEqual({
      deletedId: twelve.progressReport.id,
      userErrors: [],
    });

    const events = await api.db.prisma.auditEvent.findMany({
      where: { entityId: fromGlobalIdOf('ProgressReport', three.progressReport.id) },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((event) => event.action)).toEqual([
      'progressReport.create',
      'progressReport.update',
      'progressReport.submit',
    ]);
    expect(events[0]?.actorUserId).toBe(coordinator.userId);
    expect(events[1]).toMatchObject({
      actorUserId: lead.userId,
      before: { percentComplete: 0, outcomeLevel: 'NONE', summary: null, version: 1 },
      after: { percentComplete: 40, outcomeLevel: 'APPLIED', summary: 'Two districts use the registry.', version: 2 },
    });
    expect(
      await api.db.prisma.auditEvent.count({
        where: {
          entityId: fromGlobalIdOf('ProgressReport', twelve.progressReport.id),
          action: 'progressReport.delete',
        },
      }),
    ).toBe(1);

    // Still scheduled once the proposal is COMPLETED.
    const completed = await moveProposal(coordinator, 'Complete', proposal);
    expect((await schedule(coordinator, completed, 24, '2028-10-15')).userErrors).toEqual([]);
  });

  it('checks every field, writing nothing', async () => {
    const proposal = await implementing('Checked');
    const other = await implementing('Other');
    const foreign = (
      await lead.graphql(
        'mutation($input: MilestoneCreateInput!) { milestoneCreate(input: $input) { milestone { id } } }',
        { input: { proposalId: other.id, title: 'Elsewhere', dueDate: '2027-02-01' } },
      )
    ).data.milestoneCreate.milestone;
    const report = (await schedule(coordinator, proposal)).progressReport;
    const before = await written();

    for (const monthsAfter of [0, 61]) {
      expect((await schedule(coordinator, proposal, monthsAfter)).userErrors).toEqual([
        { field: ['input', 'monthsAfter'], code: 'INVALID', message: 'Use a whole number from 1 to 60.' },
      ]);
    }
    expect((await schedule(coordinator, proposal, 6, '1999-01-01')).userErrors[0].field).toEqual(['input', 'dueDate']);
    expect((await schedule(coordinator, proposal, 3)).userErrors).toEqual([
      {
        field: ['input', 'monthsAfter'],
        code: 'CONFLICT',
        message: 'The proposal already has a progress report at 3 months.',
      },
    ]);
    const bad = await update(lead, report, {
      percentComplete: 101,
      summary: 'x'.repeat(10_001),
      milestoneId: foreign.id,
    });
    expect(bad.userErrors.map((error: { field: string[]; code: string }) => [error.field[1], error.code])).toEqual([
      ['percentComplete', 'INVALID'],
      ['summary', 'INVALID'],
      ['milestoneId', 'NOT_FOUND'],
    ]);
    expect((await update(lead, report, { percentComplete: -1 })).userErrors[0].field).toEqual([
      'input',
      'percentComplete',
    ]);
    expect((await update(lead, report, { outcomeLevel: null })).userErrors[0].field).toEqual(['input', 'outcomeLevel']);
    expect((await submit(lead, report)).userErrors).toEqual([
      {
        field: ['input', 'id'],
        code: 'INVALID',
        message: 'Write a summary (progressReportUpdate) before submitting.',
      },
    ]);
    expect(await written()).toBe(before);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const proposal = await implementing('Stale');
    const report = (await schedule(coordinator, proposal)).progressReport;
    await update(lead, report, { summary: 'Done.' });
    const before = await written();
    for (const answer of [
      await update(lead, report, { percentComplete: 10 }),
      await submit(lead, report),
      await remove(coordinator, report),
    ]) {
      expect(answer.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    }
    expect(await written()).toBe(before);
  });

  it('no longer change once submitted, and are scheduled only from implementation on', async () => {
    const proposal = await implementing('Submitted');
    let report = (await schedule(coordinator, proposal)).progressReport;
    report = (await update(lead, report, { summary: 'Done.' })).progressReport;
    report = (await submit(lead, report)).progressReport;
    const before = await written();
    for (const answer of [
      await update(lead, report, { percentComplete: 90 }),
      await submit(lead, report),
      await remove(coordinator, report),
    ]) {
      expect(answer.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'id'], code: 'INVALID_TRANSITION' }),
      ]);
    }

    const early: ProposalStatus[] = [
      'DRAFT',
      'SUBMITTED',
      'UNDER_REVIEW',
      'REVISION_REQUESTED',
      'COMMENDED',
      'SELECTED_FOR_SUPPORT',
      'DECLINED',
    ];
    for (const status of early) {
      const waiting = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { status, title: status });
      const counted = await written();
      expect((await schedule(coordinator, waiting)).userErrors).toEqual([
        {
          field: ['input', 'proposalId'],
          code: 'INVALID_TRANSITION',
          message: `The proposal is ${status.toLowerCase().replaceAll('_', ' ')}: scheduling progress reports needs it to be in implementation or completed.`,
        },
      ]);
      expect(await written()).toBe(counted);
    }
    expect(JSON.parse(await written())[0]).toEqual(JSON.parse(before)[0]);
  });

  it('are scheduled and deleted by staff only, filled in by the team, and seen by them alone', async () => {
    const proposal = await implementing('Public title');
    const report = (await schedule(coordinator, proposal)).progressReport;
    const elsewhere = await api.as('COORDINATOR', { seminarIds: [] });
    const reviewer = await api.as('REVIEWER', { personId: reviewerPerson });
    const before = await written();
    const missing = { field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such progress report.' };
    for (const actor of [outsider, elsewhere, reviewer]) {
      expect((await schedule(actor, proposal, 6)).userErrors).toEqual([
        { field: ['input', 'proposalId'], code: 'NOT_FOUND', message: 'There is no such proposal.' },
      ]);
      expect((await update(actor, report, { percentComplete: 5 })).userErrors).toEqual([missing]);
      expect((await submit(actor, report)).userErrors).toEqual([missing]);
      expect((await remove(actor, report)).userErrors).toEqual([missing]);
    }
    // The team fills reports in, but staff schedule and withdraw them.
    expect((await schedule(lead, proposal, 6)).userErrors[0].code).toBe('NOT_FOUND');
    expect((await remove(lead, report)).userErrors).toEqual([missing]);
    expect((await api.graphql(DELETE, { input: { id: report.id, version: 1 } })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await written()).toBe(before);

    const view =
      'query($id: ID!, $r: ID!) { proposal(id: $id) { title progressReports { totalCount } } node(id: $r) { id } }';
    const variables = { id: proposal.id, r: report.id };
    for (const send of [
      outsider.graphql,
      elsewhere.graphql,
      (q: string, v: Record<string, unknown>) => api.graphql(q, v),
    ]) {
      expect((await send(view, variables)).data).toEqual({
        proposal: { title: 'Public title', progressReports: { totalCount: 0 } },
        node: null,
      });
    }
    // The one scheduled here, and the 3, 6 and 12-month reports scheduled with the start of implementation.
    for (const actor of [lead, coordinator]) {
      expect((await actor.graphql(view, variables)).data).toEqual({
        proposal: { title: 'Public title', progressReports: { totalCount: 4 } },
        node: { id: report.id },
      });
    }
  });
});
