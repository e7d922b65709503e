import { EXAMPLE_SEMINAR_ID, type ProposalStatus } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProposal } from '../../../test/proposals.ts';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';

let api: TestApi;
let lead: Actor;
let member: Actor;
let coordinator: Actor;
let outsider: Actor;

const DELETE =
  'mutation($input: ProposalDeleteInput!) { proposalDelete(input: $input) { deletedId userErrors { field code message } } }';
const remove = (actor: Actor, proposal: { id: string; version: number }) =>
  actor.graphql(DELETE, { input: { id: proposal.id, version: proposal.version } });
const rowCount = () => Promise.all([api.db.prisma.proposal.count(), api.db.prisma.auditEvent.count()]);

beforeAll(async () => {
  api = await startTestApi();
  const [first, second, third] = await api.db.prisma.enrollment.findMany({
    where: { seminarId: EXAMPLE_SEMINAR_ID },
    orderBy: { id: 'asc' },
    take: 3,
  });
  if (!first || !second || !third) throw new Error('the seed enrolls participants');
  lead = await api.as('PARTICIPANT', { personId: first.personId });
  member = await api.as('PARTICIPANT', { personId: second.personId });
  outsider = await api.as('PARTICIPANT', { personId: third.personId });
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
});
afterAll(() => api?.close());

describe('deleting a proposal', () => {
  it('removes a draft with its team, by its lead or staff, audited', async () => {
    const options = { members: [member.personId as string], title: 'Abandoned idea' };
    const byLead = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, options);
    const { data } = await remove(lead, byLead);
    expect(data.proposalDelete).toEqual({ deletedId: byLead.id, userErrors: [] });
    const id = fromGlobalIdOf('Proposal', byLead.id);
    expect(await api.db.prisma.proposalMember.count({ where: { proposalId: id } })).toBe(0);
    const gone = await coordinator.graphql('query($id: ID!) { proposal(id: $id) { id } }', { id: byLead.id });
    expect(gone.data.proposal).toBeNull();
    const event = await api.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: 'proposal.delete' },
    });
    expect(event).toMatchObject({
      actorUserId: lead.userId,
      after: null,
      before: { title: 'Abandoned idea', status: 'DRAFT', members: [{ personId: lead.personId, role: 'LEAD' }, {}] },
    });

    const byStaff = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, options);
    expect((await remove(coordinator, byStaff)).data.proposalDelete.userErrors).toEqual([]);
  });

  it('refuses every status after DRAFT, and a draft sent back for revision, writing nothing', async () => {
    const statuses: ProposalStatus[] = [
      'SUBMITTED',
      'UNDER_REVIEW',
      'REVISION_REQUESTED',
      'COMMENDED',
      'SELECTED_FOR_SUPPORT',
      'DECLINED',
      'IN_IMPLEMENTATION',
      'COMPLETED',
    ];
    for (const status of statuses) {
      const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { status, title: status });
      const before = await rowCount();
      const { data } = await remove(coordinator, proposal);
      expect(data.proposalDelete).toEqual({
        deletedId: null,
        userErrors: [
          {
            field: ['input', 'id'],
            code: 'INVALID_TRANSITION',
            message: `The proposal is ${status.toLowerCase().replaceAll('_', ' ')}: only a draft never handed in is deleted.`,
          },
        ],
      });
      expect(await rowCount()).toEqual(before);
    }
  });

  it('refuses a stale version with CONFLICT', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { title: 'Stale' });
    const before = await rowCount();
    const { data } = await remove(lead, { id: proposal.id, version: proposal.version + 1 });
    expect(data.proposalDelete.userErrors[0]).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    expect(await rowCount()).toEqual(before);
  });

  it('is refused to team members who do not lead, outsiders and other seminars’ coordinators', async () => {
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      members: [member.personId as string],
      title: 'Kept',
    });
    const before = await rowCount();
    const elsewhere = await api.as('COORDINATOR', { seminarIds: [] });
    for (const actor of [member, outsider, elsewhere]) {
      expect((await remove(actor, proposal)).data.proposalDelete).toEqual({
        deletedId: null,
        userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'There is no such proposal.' }],
      });
    }
    expect((await api.graphql(DELETE, { input: { id: proposal.id, version: 1 } })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await rowCount()).toEqual(before);
  });
});
