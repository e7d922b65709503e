import { EXAMPLE_SEMINAR_ID, type ProposalStatus } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProposal, moveProposal, type ProposalRef } from '../../../test/proposals.ts';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { enumWords as words } from '../../core/words.ts';

let api: TestApi;
let lead: Actor;
let coordinator: Actor;
let outsider: Actor;
let reviewerPerson: string;

const FIELDS = 'id title description dueDate status completedAt version proposal { id }';
const PAYLOAD = `milestone { ${FIELDS} } userErrors { field code message }`;
const CREATE = `mutation($input: MilestoneCreateInput!) { milestoneCreate(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: MilestoneUpdateInput!) { milestoneUpdate(input: $input) { ${PAYLOAD} } }`;
const DELETE =
  'mutation($input: MilestoneRefInput!) { milestoneDelete(input: $input) { deletedId userErrors { field code message } } }';
const STEPS = ['Start', 'Complete', 'Miss'] as const;
const step = (name: string) =>
  `mutation($input: MilestoneRefInput!) { milestone${name}(input: $input) { ${PAYLOAD} } }`;

interface MilestoneRef {
  id: string;
  version: number;
  status: string;
}

async function plan(actor: Actor, proposal: { id: string }, title = 'Pilot in two districts', dueDate = '2027-03-01') {
  const { data } = await actor.graphql(CREATE, { input: { proposalId: proposal.id, title, dueDate } });
  return data.milestoneCreate;
}
async function move(actor: Actor, name: string, milestone: MilestoneRef) {
  const { data } = await actor.graphql(step(name), { input: { id: milestone.id, version: milestone.version } });
  return data[`milestone${name}`];
}
/** Milestone rows and audit events: what a refusal must leave as it was. */
const written = async () =>
  JSON.stringify([
    await api.db.prisma.milestone.findMany({ orderBy: { id: 'asc' } }),
    await api.db.prisma.auditEvent.count(),
  ]);

beforeAll(async () => {
  api = await startTestApi();
  const [first, second, third] = await api.db.prisma.enrollment.findMany({
    where: { seminarId: EXAMPLE_SEMINAR_ID },
    orderBy: { id: 'asc' },
    take: 3,
  });
  if (!first || !second || !third) throw new Error('the seed enrolls participants');
  reviewerPerson = third.personId;
  lead = await api.as('PARTICIPANT', { personId: first.personId });
  outsider = await api.as('PARTICIPANT', { personId: second.personId });
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
});
afterAll(() => api?.close());

describe('milestones', () => {
  it('are planned, changed, started, completed and missed by the team, listed by due date, audited', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'SELECTED_FOR_SUPPORT',
      title: 'Follow-up',
    });
    const late = await plan(lead, proposal, 'Roll out nationwide', '2028-01-15');
    expect(late.userErrors).toEqual([]);
    expect(late.milestone).toMatchObject({
      title: 'Roll out nationwide',
      description: null,
      dueDate: '2028-01-15',
      status: 'PLANNED',
      completedAt: null,
      version: 1,
      proposal: { id: proposal.id },
    });
    const early = (await plan(coordinator, proposal, 'Draft the regulation', '2027-02-01')).milestone;
    const middle = (await plan(lead, proposal, 'Pilot', '2027-06-30')).milestone;

    const changed = (
      await lead.graphql(UPDATE, {
        input: { id: middle.id, version: 1, title: ' Pilot in Tashkent ', description: 'Two districts.' },
      })
    ).data.milestoneUpdate;
    expect(changed.userErrors).toEqual([]);
    expect(changed.milestone).toMatchObject({ title: 'Pilot in Tashkent', description: 'Two districts.', version: 2 });

    const implementing = await moveProposal(coordinator, 'StartImplementation', proposal);
    const started = await move(lead, 'Start', changed.milestone);
    expect(started.milestone).toMatchObject({ status: 'IN_PROGRESS', version: 3, completedAt: null });
    const done = await move(lead, 'Complete', started.milestone);
    expect(done.milestone.status).toBe('DONE');
    expect(Date.parse(done.milestone.completedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await move(coordinator, 'Miss', late.milestone)).milestone).toMatchObject({ status: 'MISSED' });
    expect((await move(lead, 'Complete', early)).milestone.status).toBe('DONE');

    const listed = await lead.graphql(
      'query($id: ID!) { proposal(id: $id) { milestones(first: 10) { totalCount nodes { title dueDate status } } } }',
      { id: implementing.id },
    );
    expect(listed.data.proposal.milestones).toEqual({
      totalCount: 3,
      nodes: [
        { title: 'Draft the regulation', dueDate: '2027-02-01', status: 'DONE' },
        { title: 'Pilot in Tashkent', dueDate: '2027-06-30', status: 'DONE' },
        { title: 'Roll out nationwide', dueDate: '2028-01-15', status: 'MISSED' },
      ],
    });

    const gone = (await lead.graphql(DELETE, { input: { id: early.id, version: 2 } })).data.milestoneDelete;
    expect(gone).toEqual({ deletedId: early.id, userErrors: [] });

    const events = await api.db.prisma.auditEvent.findMany({
      where: { entityId: fromGlobalIdOf('Milestone', middle.id) },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((event) => event.action)).toEqual([
      'milestone.create',
      'milestone.update',
      'milestone.start',
      'milestone.complete',
    ]);
    expect(events[1]).toMatchObject({
      actorUserId: lead.userId,
      before: { title: 'Pilot', description: null, version: 1 },
      after: { title: 'Pilot in Tashkent', description: 'Two districts.', version: 2 },
    });
    expect(
      await api.db.prisma.auditEvent.count({
        where: { entityId: fromGlobalIdOf('Milestone', early.id), action: 'milestone.delete' },
      }),
    ).toBe(1);
  });

  it('checks every field, writing nothing', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'IN_IMPLEMENTATION',
      title: 'Checked',
    });
    const milestone = (await plan(lead, proposal)).milestone;
    const before = await written();
    const { data } = await lead.graphql(CREATE, {
      input: { proposalId: proposal.id, title: ' ', description: 'x'.repeat(5001), dueDate: '1999-12-31' },
    });
    expect(data.milestoneCreate.userErrors.map((error: { field: string[] }) => error.field)).toEqual([
      ['input', 'title'],
      ['input', 'description'],
      ['input', 'dueDate'],
    ]);
    const update = await lead.graphql(UPDATE, {
      input: { id: milestone.id, version: 1, title: null, dueDate: null, description: 'y'.repeat(5001) },
    });
    expect(update.data.milestoneUpdate.userErrors.map((error: { field: string[] }) => error.field[1]).sort()).toEqual([
      'description',
      'dueDate',
      'title',
    ]);
    expect(await written()).toBe(before);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'IN_IMPLEMENTATION',
      title: 'Stale',
    });
    const milestone = (await plan(lead, proposal)).milestone;
    const stale = { ...milestone, version: 0 };
    const before = await written();
    const answers = [
      (await lead.graphql(UPDATE, { input: { id: milestone.id, version: 0, title: 'New' } })).data.milestoneUpdate,
      (await lead.graphql(DELETE, { input: { id: milestone.id, version: 0 } })).data.milestoneDelete,
      ...(await Promise.all(STEPS.map((name) => move(lead, name, stale)))),
    ];
    for (const answer of answers) {
      expect(answer.userErrors).toEqual([expect.objectContaining({ field: ['input', 'version'], code: 'CONFLICT' })]);
    }
    expect(await written()).toBe(before);
  });

  it('refuses every other edge between milestone statuses', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'IN_IMPLEMENTATION',
      title: 'Edges',
    });
    const refused: Record<string, (typeof STEPS)[number][]> = {
      IN_PROGRESS: ['Start'],
      DONE: ['Start', 'Complete', 'Miss'],
      MISSED: ['Start', 'Complete', 'Miss'],
    };
    const reach: Record<string, (typeof STEPS)[number][]> = {
      IN_PROGRESS: ['Start'],
      DONE: ['Complete'],
      MISSED: ['Miss'],
    };
    for (const [status, names] of Object.entries(refused)) {
      let milestone = (await plan(lead, proposal, status)).milestone;
      for (const name of reach[status] ?? []) milestone = (await move(lead, name, milestone)).milestone;
      expect(milestone.status).toBe(status);
      const before = await written();
      for (const name of names) {
        const answer = await move(lead, name, milestone);
        expect(answer.userErrors).toEqual([
          {
            field: ['input', 'id'],
            code: 'INVALID_TRANSITION',
            message: expect.stringMatching(
              new RegExp(`^The milestone is ${words(status)}: "${name.toLowerCase()}" needs`),
            ),
          },
        ]);
      }
      expect(await written()).toBe(before);
    }
  });

  it('are planned only once a proposal is selected, and move only while it is implemented', async () => {
    const refusedAt = async (proposal: ProposalRef, milestone?: MilestoneRef) => {
      const before = await written();
      const created = await plan(lead, proposal);
      expect(created.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'proposalId'], code: 'INVALID_TRANSITION' }),
      ]);
      expect(created.userErrors[0].message).toContain(`The proposal is ${words(proposal.status)}`);
      if (milestone) {
        const answers = [
          (await lead.graphql(UPDATE, { input: { id: milestone.id, version: milestone.version, title: 'x' } })).data
            .milestoneUpdate,
          (await lead.graphql(DELETE, { input: { id: milestone.id, version: milestone.version } })).data
            .milestoneDelete,
        ];
        for (const answer of answers) expect(answer.userErrors[0].code).toBe('INVALID_TRANSITION');
      }
      expect(await written()).toBe(before);
    };

    let proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { title: 'Early' });
    await refusedAt(proposal);
    for (const name of ['Submit', 'StartReview', 'Commend']) {
      proposal = await moveProposal(name === 'Submit' ? lead : coordinator, name, proposal);
      await refusedAt(proposal);
    }
    for (const status of ['REVISION_REQUESTED', 'DECLINED'] as ProposalStatus[]) {
      await refusedAt(await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { status, title: status }));
    }

    proposal = await moveProposal(coordinator, 'SelectForSupport', proposal);
    const planned = (await plan(lead, proposal)).milestone;
    const before = await written();
    for (const name of STEPS) {
      expect((await move(lead, name, planned)).userErrors[0]).toMatchObject({
        code: 'INVALID_TRANSITION',
        message: expect.stringContaining('The proposal is selected for support'),
      });
    }
    expect(await written()).toBe(before);

    proposal = await moveProposal(coordinator, 'StartImplementation', proposal);
    proposal = await moveProposal(coordinator, 'Complete', proposal);
    await refusedAt(proposal, planned);
    for (const name of STEPS) expect((await move(lead, name, planned)).userErrors[0].code).toBe('INVALID_TRANSITION');
  });

  it('that a progress report refers to are kept: IN_USE', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'IN_IMPLEMENTATION',
      title: 'Reported',
    });
    const milestone = (await plan(lead, proposal)).milestone;
    const report = (
      await coordinator.graphql(
        'mutation($input: ProgressReportCreateInput!) { progressReportCreate(input: $input) { progressReport { id version } userErrors { code } } }',
        { input: { proposalId: proposal.id, monthsAfter: 9, dueDate: '2027-01-15' } },
      )
    ).data.progressReportCreate.progressReport;
    const linked = await lead.graphql(
      'mutation($input: ProgressReportUpdateInput!) { progressReportUpdate(input: $input) { userErrors { code } } }',
      { input: { id: report.id, version: report.version, milestoneId: milestone.id } },
    );
    expect(linked.data.progressReportUpdate.userErrors).toEqual([]);
    const before = await written();
    const { data } = await lead.graphql(DELETE, { input: { id: milestone.id, version: milestone.version } });
    expect(data.milestoneDelete).toEqual({
      deletedId: null,
      userErrors: [
        {
          field: ['input', 'id'],
          code: 'IN_USE',
          message: '1 progress report refers to the milestone; deleting it would lose that history.',
        },
      ],
    });
    expect(await written()).toBe(before);
  });

  it('are seen and changed only by the team and the seminar’s staff', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      status: 'IN_IMPLEMENTATION',
      title: 'Public title',
    });
    const milestone = (await plan(lead, proposal)).milestone;
    const elsewhere = await api.as('COORDINATOR', { seminarIds: [] });
    const reviewer = await api.as('REVIEWER', { personId: reviewerPerson });
    const before = await written();
    for (const actor of [outsider, elsewhere, reviewer]) {
      expect((await plan(actor, proposal)).userErrors).toEqual([
        { field: ['input', 'proposalId'], code: 'NOT_FOUND', message: 'There is no such proposal.' },
      ]);
      expect(
        (await actor.graphql(UPDATE, { input: { id: milestone.id, version: 1, title: 'Mine' } })).data.milestoneUpdate
          .userErrors,
      ).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such milestone.' }]);
      expect(
        (await actor.graphql(DELETE, { input: { id: milestone.id, version: 1 } })).data.milestoneDelete.userErrors[0]
          .code,
      ).toBe('NOT_FOUND');
      for (const name of STEPS) expect((await move(actor, name, milestone)).userErrors[0].code).toBe('NOT_FOUND');
    }
    expect(
      (await api.graphql(CREATE, { input: { proposalId: proposal.id, title: 'x', dueDate: '2027-01-01' } })).errors?.[0]
        ?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(await written()).toBe(before);

    // The proposal is public once selected; its milestones are a detail, like its problem.
    const view =
      'query($id: ID!, $m: ID!) { proposal(id: $id) { title milestones { totalCount } } node(id: $m) { id } }';
    const variables = { id: proposal.id, m: milestone.id };
    for (const send of [
      outsider.graphql,
      elsewhere.graphql,
      (q: string, v: Record<string, unknown>) => api.graphql(q, v),
    ]) {
      expect((await send(view, variables)).data).toEqual({
        proposal: { title: 'Public title', milestones: { totalCount: 0 } },
        node: null,
      });
    }
    for (const actor of [lead, coordinator]) {
      expect((await actor.graphql(view, variables)).data).toEqual({
        proposal: { title: 'Public title', milestones: { totalCount: 1 } },
        node: { id: milestone.id },
      });
    }
  });
});
