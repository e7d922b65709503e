import { EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let lead: Actor;
let teammate: string;
let outsider: Actor;
let coordinator: Actor;
const seminarId = toGlobalId('Seminar', EXAMPLE_SEMINAR_ID);

const PAYLOAD =
  'proposal { id status version title submittedAt decisions { kind supportType note } } userErrors { field code message }';
const CREATE = `mutation($input: ProposalCreateInput!) { proposalCreate(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($input: ProposalUpdateInput!) { proposalUpdate(input: $input) { ${PAYLOAD} } }`;
const step = (name: string) =>
  `mutation($input: ProposalTransitionInput!) { proposal${name}(input: $input) { ${PAYLOAD} } }`;

async function move(
  actor: Actor,
  name: string,
  proposal: { id: string; version: number },
  extra: Record<string, unknown> = {},
) {
  const { data } = await actor.graphql(step(name), { input: { id: proposal.id, version: proposal.version, ...extra } });
  return data[`proposal${name}`];
}

beforeAll(async () => {
  api = await startTestApi();
  const enrolled = await api.db.prisma.enrollment.findMany({
    where: { seminarId: EXAMPLE_SEMINAR_ID },
    take: 3,
    orderBy: { id: 'asc' },
  });
  const [first, second, third] = enrolled;
  if (!first || !second || !third) throw new Error('the seed enrolls participants');
  lead = await api.as('PARTICIPANT', { personId: first.personId });
  teammate = toGlobalId('Person', second.personId);
  outsider = await api.as('PARTICIPANT', { personId: third.personId });
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
});
afterAll(() => api?.close());

describe('a proposal, from draft to completion', () => {
  it('is written by its team, reviewed, revised, commended, selected and implemented', async () => {
    const created = await lead.graphql(CREATE, {
      input: {
        seminarId,
        title: 'Digital registry of neighbourhood services',
        summary: 'One registry for mahalla services.',
        memberIds: [toGlobalId('Person', lead.personId as string), teammate],
      },
    });
    expect(created.data.proposalCreate.userErrors).toEqual([]);
    let proposal = created.data.proposalCreate.proposal;
    expect(proposal).toMatchObject({ status: 'DRAFT', version: 1 });

    proposal = (
      await lead.graphql(UPDATE, { input: { id: proposal.id, version: 1, problem: 'Services are scattered.' } })
    ).data.proposalUpdate.proposal;
    proposal = (await move(lead, 'Submit', proposal)).proposal;
    expect(proposal.status).toBe('SUBMITTED');
    expect(proposal.submittedAt).toBeTruthy();

    const frozen = await lead.graphql(UPDATE, {
      input: { id: proposal.id, version: proposal.version, title: 'Late change' },
    });
    expect(frozen.data.proposalUpdate.userErrors[0].code).toBe('INVALID_TRANSITION');

    proposal = (await move(coordinator, 'StartReview', proposal)).proposal;
    proposal = (await move(coordinator, 'RequestRevision', proposal, { note: 'Add a budget.' })).proposal;
    expect(proposal.status).toBe('REVISION_REQUESTED');
    proposal = (
      await lead.graphql(UPDATE, { input: { id: proposal.id, version: proposal.version, objectives: 'A budget.' } })
    ).data.proposalUpdate.proposal;
    proposal = (await move(lead, 'Submit', proposal)).proposal;
    proposal = (await move(coordinator, 'StartReview', proposal)).proposal;
    proposal = (await move(coordinator, 'Commend', proposal, { note: 'Clear and feasible.' })).proposal;
    proposal = (
      await move(coordinator, 'SelectForSupport', proposal, { supportType: 'PILOT', note: 'Pilot in Tashkent.' })
    ).proposal;
    expect(proposal.status).toBe('SELECTED_FOR_SUPPORT');
    expect(proposal.decisions).toEqual([
      { kind: 'COMMENDATION', supportType: null, note: 'Clear and feasible.' },
      { kind: 'SELECTED_FOR_SUPPORT', supportType: 'PILOT', note: 'Pilot in Tashkent.' },
    ]);

    // Selected for support: the public now sees its title and summary, not its details.
    const publicView = await api.graphql(
      'query($id: ID!) { proposal(id: $id) { title summary problem members { role } } }',
      { id: proposal.id },
    );
    expect(publicView.data.proposal).toEqual({
      title: 'Digital registry of neighbourhood services',
      summary: 'One registry for mahalla services.',
      problem: null,
      members: [],
    });

    proposal = (await move(coordinator, 'StartImplementation', proposal)).proposal;
    proposal = (await move(coordinator, 'Complete', proposal)).proposal;
    expect(proposal).toMatchObject({ status: 'COMPLETED' });
  });

  it("answers its creator with the new proposal's team and details, which they may now read", async () => {
    const memberIds = [toGlobalId('Person', lead.personId as string), teammate];
    const { data } = await lead.graphql(
      `mutation($input: ProposalCreateInput!) {
        proposalCreate(input: $input) { proposal { problem members { role person { id } } } userErrors { code } } }`,
      { input: { seminarId, title: 'Shared team view', problem: 'Hidden before', memberIds } },
    );
    expect(data.proposalCreate.userErrors).toEqual([]);
    expect(data.proposalCreate.proposal.problem).toBe('Hidden before');
    expect(data.proposalCreate.proposal.members).toEqual([
      { role: 'LEAD', person: { id: memberIds[0] } },
      { role: 'MEMBER', person: { id: teammate } },
    ]);
  });

  it('refuses other moves, staff steps by the team, and steps by outsiders, writing nothing', async () => {
    const proposal = (
      await lead.graphql(CREATE, {
        input: { seminarId, title: 'Second idea', memberIds: [toGlobalId('Person', lead.personId as string)] },
      })
    ).data.proposalCreate.proposal;
    const decisions = await api.db.prisma.proposalDecision.count();
    const premature = await move(coordinator, 'Commend', proposal);
    expect(premature.userErrors[0]).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/The proposal is draft: "commend" needs it to be under review\./),
    });
    expect((await move(lead, 'StartReview', proposal)).userErrors[0].code).toBe('NOT_FOUND');
    expect((await move(outsider, 'Submit', proposal)).userErrors[0].code).toBe('NOT_FOUND');
    const wrongTerms = await move(coordinator, 'Decline', proposal, { supportType: 'PILOT' });
    expect(wrongTerms.userErrors[0].field).toEqual(['input', 'supportType']);
    expect(await api.db.prisma.proposalDecision.count()).toBe(decisions);
  });

  it('keeps teams to enrolled people, including the participant who writes it', async () => {
    const stranger = await api.db.prisma.person.create({ data: { givenName: 'Not', familyName: 'Enrolled' } });
    const { data } = await lead.graphql(CREATE, {
      input: { seminarId, title: 'Team check', memberIds: [teammate, toGlobalId('Person', stranger.id)] },
    });
    expect(data.proposalCreate.userErrors.map((error: { message: string }) => error.message)).toEqual([
      'Include yourself in the team.',
      'Every member must have a place in the seminar (accepted, confirmed or completed).',
    ]);
  });
});

describe('a proposal and its seminar', () => {
  it('is written once the seminar has begun, never for one not started or called off', async () => {
    const example = await api.db.prisma.seminar.findUniqueOrThrow({ where: { id: EXAMPLE_SEMINAR_ID } });
    for (const status of ['PUBLISHED', 'CANCELLED'] as const) {
      const seminar = await api.db.prisma.seminar.create({
        data: {
          programId: example.programId,
          title: `A ${status.toLowerCase()} cohort`,
          startDate: example.startDate,
          endDate: example.endDate,
          timezone: example.timezone,
          countryCode: example.countryCode,
          status,
        },
      });
      const person = await api.db.prisma.person.create({ data: { givenName: 'Early', familyName: status } });
      await api.db.prisma.enrollment.create({
        data: { seminarId: seminar.id, personId: person.id, status: 'CONFIRMED' },
      });
      const writer = await api.as('PARTICIPANT', { personId: person.id });
      const before = JSON.stringify([await api.db.prisma.proposal.count(), await api.db.prisma.auditEvent.count()]);
      for (const actor of [writer, await api.as('ADMIN')]) {
        const { data } = await actor.graphql(CREATE, {
          input: {
            seminarId: toGlobalId('Seminar', seminar.id),
            title: 'Written too early',
            memberIds: [toGlobalId('Person', person.id)],
          },
        });
        expect(data.proposalCreate).toEqual({
          proposal: null,
          userErrors: [
            {
              field: ['input', 'seminarId'],
              code: 'INVALID_TRANSITION',
              message: `The seminar is ${status.toLowerCase()}: proposals are written once it is in progress, or after it is completed.`,
            },
          ],
        });
      }
      expect(JSON.stringify([await api.db.prisma.proposal.count(), await api.db.prisma.auditEvent.count()])).toBe(
        before,
      );
    }
  });
});
