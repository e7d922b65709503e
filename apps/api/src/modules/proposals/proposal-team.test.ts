import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProposal, moveProposal, type ProposalRef } from '../../../test/proposals.ts';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let lead: Actor;
let coordinator: Actor;
let outsider: Actor;
/** People accepted into the example seminar, none of them `lead` or `outsider`. */
let enrolled: string[];

const PAYLOAD = 'proposal { id version status members { role person { id } } } userErrors { field code message }';
const ADD = `mutation($input: ProposalMemberInput!) { proposalMemberAdd(input: $input) { ${PAYLOAD} } }`;
const REMOVE = `mutation($input: ProposalMemberInput!) { proposalMemberRemove(input: $input) { ${PAYLOAD} } }`;
const ROLE = `mutation($input: ProposalMemberRoleSetInput!) { proposalMemberRoleSet(input: $input) { ${PAYLOAD} } }`;

const person = (id: string) => toGlobalId('Person', id);
const input = (proposal: { id: string; version: number }, personId: string, extra: Record<string, unknown> = {}) => ({
  input: { proposalId: proposal.id, version: proposal.version, personId: person(personId), ...extra },
});

/** The team as stored, lead first, and how many audit events there are: what a refusal must leave alone. */
async function stored(proposal: { id: string }) {
  const id = fromGlobalIdOf('Proposal', proposal.id);
  const { prisma } = api.db;
  const row = await prisma.proposal.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const team = await prisma.proposalMember.findMany({
    where: { proposalId: id },
    select: { personId: true, role: true },
    orderBy: [{ role: 'asc' }, { personId: 'asc' }],
  });
  return { version: row.version, team, audit: await prisma.auditEvent.count() };
}

beforeAll(async () => {
  api = await startTestApi();
  const enrollments = await api.db.prisma.enrollment.findMany({
    where: { seminarId: EXAMPLE_SEMINAR_ID, status: { in: ['ACCEPTED', 'CONFIRMED', 'COMPLETED'] } },
    orderBy: { id: 'asc' },
  });
  const [first, second, ...rest] = enrollments.map((e) => e.personId);
  if (!first || !second || rest.length < 10) throw new Error('the seed enrolls a dozen participants');
  lead = await api.as('PARTICIPANT', { personId: first });
  outsider = await api.as('PARTICIPANT', { personId: second });
  enrolled = rest;
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
});
afterAll(() => api?.close());

describe('a proposal team', () => {
  it('grows, hands over its lead and shrinks, each step raising the version and audited', async () => {
    const [a, b] = enrolled as [string, string];
    let proposal: ProposalRef = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { title: 'Team story' });

    const added = (await lead.graphql(ADD, input(proposal, a))).data.proposalMemberAdd;
    expect(added.userErrors).toEqual([]);
    expect(added.proposal.version).toBe(proposal.version + 1);
    expect(added.proposal.members).toEqual([
      { role: 'LEAD', person: { id: person(lead.personId as string) } },
      { role: 'MEMBER', person: { id: person(a) } },
    ]);
    proposal = added.proposal;
    proposal = (await coordinator.graphql(ADD, input(proposal, b))).data.proposalMemberAdd.proposal;

    const handed = (await lead.graphql(ROLE, input(proposal, a, { role: 'LEAD' }))).data.proposalMemberRoleSet;
    expect(handed.userErrors).toEqual([]);
    expect(handed.proposal.members.filter((m: { role: string }) => m.role === 'LEAD')).toEqual([
      { role: 'LEAD', person: { id: person(a) } },
    ]);
    proposal = handed.proposal;

    // The former lead, now a member, may leave; the team keeps its new lead. Having left, they no longer
    // see the draft's team, already in the answer to their own removal.
    const left = (await lead.graphql(REMOVE, input(proposal, lead.personId as string))).data.proposalMemberRemove;
    expect(left.userErrors).toEqual([]);
    expect(left.proposal.members).toEqual([]);
    expect(left.proposal.version).toBe(proposal.version + 1);
    const team = await api.db.prisma.proposalMember.findMany({
      where: { proposalId: fromGlobalIdOf('Proposal', proposal.id) },
      orderBy: { personId: 'asc' },
    });
    expect(team.map((member) => member.personId)).toEqual([a, b].sort());

    const events = await api.db.prisma.auditEvent.findMany({
      where: { entityId: fromGlobalIdOf('Proposal', proposal.id) },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((event) => event.action)).toEqual([
      'proposal.create',
      'proposal.memberAdd',
      'proposal.memberAdd',
      'proposal.memberRoleSet',
      'proposal.memberRemove',
    ]);
    expect(events[1]).toMatchObject({
      actorUserId: lead.userId,
      before: { version: 1, members: [{ personId: lead.personId, role: 'LEAD' }] },
      after: {
        version: 2,
        members: [
          { personId: lead.personId, role: 'LEAD' },
          { personId: a, role: 'MEMBER' },
        ],
      },
    });
  });

  it('refuses people who are not accepted into the seminar, members twice, and an eleventh, writing nothing', async () => {
    const [a] = enrolled as [string];
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { members: [a], title: 'Checks' });
    const stranger = await api.db.prisma.person.create({ data: { givenName: 'Not', familyName: 'Enrolled' } });
    const applicant = await api.db.prisma.person.create({ data: { givenName: 'Only', familyName: 'Applied' } });
    await api.db.prisma.enrollment.create({
      data: { seminarId: EXAMPLE_SEMINAR_ID, personId: applicant.id, status: 'APPLIED' },
    });
    const before = await stored(proposal);
    for (const [personId, code] of [
      [stranger.id, 'INVALID'],
      [applicant.id, 'INVALID'],
      [a, 'CONFLICT'],
      [lead.personId as string, 'CONFLICT'],
    ] as const) {
      const { data } = await lead.graphql(ADD, input(proposal, personId));
      expect(data.proposalMemberAdd).toMatchObject({
        proposal: null,
        userErrors: [{ field: ['input', 'personId'], code }],
      });
    }
    expect(await stored(proposal)).toEqual(before);

    const full = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, {
      members: enrolled.slice(0, 9),
      title: 'Full team',
    });
    const fullBefore = await stored(full);
    const eleventh = (await lead.graphql(ADD, input(full, enrolled[9] as string))).data.proposalMemberAdd;
    expect(eleventh.userErrors).toEqual([
      { field: ['input', 'personId'], code: 'INVALID', message: 'A team has at most 10 members.' },
    ]);
    expect(await stored(full)).toEqual(fullBefore);
  });

  it('never leaves a proposal without its lead, writing nothing', async () => {
    const [a] = enrolled as [string];
    const solo = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { title: 'Solo' });
    const pair = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { members: [a], title: 'Pair' });
    const before = [await stored(solo), await stored(pair)];

    const last = (await lead.graphql(REMOVE, input(solo, lead.personId as string))).data.proposalMemberRemove;
    expect(last.userErrors[0]).toMatchObject({ field: ['input', 'personId'], code: 'INVALID' });
    const leadGone = (await coordinator.graphql(REMOVE, input(pair, lead.personId as string))).data
      .proposalMemberRemove;
    expect(leadGone.userErrors).toEqual([
      {
        field: ['input', 'personId'],
        code: 'INVALID',
        message: 'The proposal would have no lead: hand the lead to another member first.',
      },
    ]);
    const steppedDown = (await lead.graphql(ROLE, input(pair, lead.personId as string, { role: 'MEMBER' }))).data
      .proposalMemberRoleSet;
    expect(steppedDown.userErrors).toEqual([
      {
        field: ['input', 'role'],
        code: 'INVALID',
        message: 'A proposal needs a lead: make another member LEAD instead.',
      },
    ]);
    const notOnTeam = enrolled[1] as string;
    expect((await lead.graphql(REMOVE, input(pair, notOnTeam))).data.proposalMemberRemove.userErrors[0]).toMatchObject({
      field: ['input', 'personId'],
      code: 'NOT_FOUND',
    });
    expect(
      (await lead.graphql(ROLE, input(pair, notOnTeam, { role: 'LEAD' }))).data.proposalMemberRoleSet.userErrors[0],
    ).toMatchObject({ field: ['input', 'personId'], code: 'NOT_FOUND' });
    expect([await stored(solo), await stored(pair)]).toEqual(before);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const [a, b] = enrolled as [string, string];
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { members: [a], title: 'Stale' });
    const before = await stored(proposal);
    const stale = { id: proposal.id, version: proposal.version - 1 };
    const answers = [
      (await lead.graphql(ADD, input(stale, b))).data.proposalMemberAdd,
      (await lead.graphql(REMOVE, input(stale, a))).data.proposalMemberRemove,
      (await lead.graphql(ROLE, input(stale, a, { role: 'LEAD' }))).data.proposalMemberRoleSet,
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({ proposal: null, userErrors: [{ field: ['input', 'version'], code: 'CONFLICT' }] });
    }
    expect(await stored(proposal)).toEqual(before);
  });

  it('changes only while the team may edit: DRAFT or REVISION_REQUESTED', async () => {
    const [a, b] = enrolled as [string, string];
    const attempts = async (proposal: ProposalRef) => [
      (await coordinator.graphql(ADD, input(proposal, b))).data.proposalMemberAdd,
      (await coordinator.graphql(REMOVE, input(proposal, a))).data.proposalMemberRemove,
      (await coordinator.graphql(ROLE, input(proposal, a, { role: 'LEAD' }))).data.proposalMemberRoleSet,
    ];
    const refusedAt = async (proposal: ProposalRef) => {
      const before = await stored(proposal);
      for (const answer of await attempts(proposal)) {
        expect(answer.userErrors).toEqual([
          {
            field: ['input', 'proposalId'],
            code: 'INVALID_TRANSITION',
            message: `The proposal is ${proposal.status.toLowerCase().replaceAll('_', ' ')}: it can no longer be edited.`,
          },
        ]);
      }
      expect(await stored(proposal)).toEqual(before);
    };

    let proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { members: [a], title: 'Frozen' });
    proposal = await moveProposal(lead, 'Submit', proposal);
    await refusedAt(proposal);
    proposal = await moveProposal(coordinator, 'StartReview', proposal);
    await refusedAt(proposal);
    proposal = await moveProposal(coordinator, 'RequestRevision', proposal);
    const revised = (await lead.graphql(ADD, input(proposal, b))).data.proposalMemberAdd;
    expect(revised.userErrors).toEqual([]);
    proposal = (await lead.graphql(REMOVE, input(revised.proposal, b))).data.proposalMemberRemove.proposal;
    for (const step of ['Submit', 'StartReview', 'Commend', 'SelectForSupport', 'StartImplementation', 'Complete']) {
      proposal = await moveProposal(step === 'Submit' ? lead : coordinator, step, proposal);
      if (proposal.status !== 'UNDER_REVIEW') await refusedAt(proposal);
    }
    await refusedAt(
      await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { members: [a], status: 'DECLINED', title: 'No' }),
    );
  });

  it('is changed by nobody outside the team and the seminar’s staff', async () => {
    const [a, b] = enrolled as [string, string];
    const proposal = await givenProposal(lead, coordinator, EXAMPLE_SEMINAR_ID, { members: [a], title: 'Private' });
    const before = await stored(proposal);
    const elsewhere = await api.as('COORDINATOR', { seminarIds: [] });
    const reviewer = await api.as('REVIEWER', { personId: b });
    for (const actor of [outsider, elsewhere, reviewer]) {
      expect((await actor.graphql(ADD, input(proposal, b))).data.proposalMemberAdd.userErrors[0]).toMatchObject({
        field: ['input', 'proposalId'],
        code: 'NOT_FOUND',
      });
      expect((await actor.graphql(REMOVE, input(proposal, a))).data.proposalMemberRemove.userErrors[0].code).toBe(
        'NOT_FOUND',
      );
      expect(
        (await actor.graphql(ROLE, input(proposal, a, { role: 'LEAD' }))).data.proposalMemberRoleSet.userErrors[0].code,
      ).toBe('NOT_FOUND');
    }
    const anonymous = await api.graphql(ADD, input(proposal, b));
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await stored(proposal)).toEqual(before);
  });
});
