import { EXAMPLE_PROGRAM_ID, EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';

let api: TestApi;
let coordinator: Actor;
let proposalId: string;
let criteria: { id: string; name: string; minScore: number; maxScore: number; weight: number }[];

const ASSIGN =
  'mutation($input: ReviewAssignInput!) { reviewAssign(input: $input) { assigned userErrors { field code message } } }';
const SUBMIT = `mutation($input: ReviewSubmitInput!) { reviewSubmit(input: $input) {
  review { recommendation weightedScore scores { score criterion { name } } } userErrors { field code message } } }`;

async function reviewer(name: string, organizationId: string | null) {
  const person = await api.db.prisma.person.create({ data: { givenName: name, familyName: 'Expert', organizationId } });
  return { personId: toGlobalId('Person', person.id), actor: await api.as('REVIEWER', { personId: person.id }) };
}

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
  const ministry = await api.db.prisma.seminar.findUniqueOrThrow({ where: { id: EXAMPLE_SEMINAR_ID } });
  const member = await api.db.prisma.enrollment.findFirstOrThrow({ where: { seminarId: EXAMPLE_SEMINAR_ID } });
  const proposal = await api.db.prisma.proposal.create({
    data: {
      seminarId: EXAMPLE_SEMINAR_ID,
      title: 'Open data portal for schools',
      status: 'UNDER_REVIEW',
      implementingOrganizationId: ministry.partnerId,
      members: { create: [{ personId: member.personId, role: 'LEAD' }] },
    },
  });
  proposalId = toGlobalId('Proposal', proposal.id);
  criteria = await api.db.prisma.reviewCriterion.findMany({
    where: { programId: EXAMPLE_PROGRAM_ID },
    orderBy: { position: 'asc' },
  });
});
afterAll(() => api?.close());

const allScores = (score: (c: { minScore: number; maxScore: number }) => number) =>
  criteria.map((criterion) => ({ criterionId: toGlobalId('ReviewCriterion', criterion.id), score: score(criterion) }));

describe('reviews', () => {
  it('are written by assigned reviewers, once, scoring every criterion, with a weighted score', async () => {
    const expert = await reviewer('Yuna', null);
    const assigned = await coordinator.graphql(ASSIGN, { input: { proposalId, reviewerId: expert.personId } });
    expect(assigned.data.reviewAssign).toEqual({ assigned: true, userErrors: [] });

    const missing = await expert.actor.graphql(SUBMIT, {
      input: { proposalId, recommendation: 'COMMEND', scores: allScores((c) => c.maxScore).slice(1) },
    });
    expect(missing.data.reviewSubmit.userErrors[0].message).toMatch(/missing: /);
    const outOfRange = await expert.actor.graphql(SUBMIT, {
      input: { proposalId, recommendation: 'COMMEND', scores: allScores((c) => c.maxScore + 1) },
    });
    expect(outOfRange.data.reviewSubmit.userErrors).toHaveLength(criteria.length);

    const input = {
      proposalId,
      recommendation: 'SELECT',
      scores: allScores((c) => c.maxScore),
      commentToAuthors: 'Strong.',
    };
    const [first, second] = await Promise.all([
      expert.actor.graphql(SUBMIT, { input }),
      expert.actor.graphql(SUBMIT, { input }),
    ]);
    const results = [first, second].map((response) => response.data.reviewSubmit);
    expect(results.filter((result) => result.userErrors.length === 0)).toHaveLength(1);
    expect(results.find((result) => result.userErrors.length > 0).userErrors[0].code).toBe('CONFLICT');
    const saved = results.find((result) => result.review).review;
    const top = Math.max(...criteria.map((c) => c.maxScore));
    expect(saved).toMatchObject({ recommendation: 'SELECT', weightedScore: top });
    expect(saved.scores).toHaveLength(criteria.length);
  });

  it('are refused to reviewers not assigned, and before or after the review phase', async () => {
    const unassigned = await reviewer('Minho', null);
    const refused = await unassigned.actor.graphql(SUBMIT, {
      input: { proposalId, recommendation: 'COMMEND', scores: allScores((c) => c.minScore) },
    });
    expect(refused.data.reviewSubmit.userErrors[0].code).toBe('NOT_FOUND');

    const draft = await api.db.prisma.proposal.create({ data: { seminarId: EXAMPLE_SEMINAR_ID, title: 'Early idea' } });
    const expert = await reviewer('Sora', null);
    // A draft is the team's until handed in: no reviewer is assigned to it, and nothing is written.
    const audit = await api.db.prisma.auditEvent.count();
    const assigned = await coordinator.graphql(ASSIGN, {
      input: { proposalId: toGlobalId('Proposal', draft.id), reviewerId: expert.personId },
    });
    expect(assigned.data.reviewAssign).toEqual({
      assigned: false,
      userErrors: [
        {
          field: ['input', 'proposalId'],
          code: 'INVALID_TRANSITION',
          message: 'The proposal is draft: reviewers are assigned while it is submitted or under review.',
        },
      ],
    });
    expect(await api.db.prisma.reviewAssignment.count({ where: { proposalId: draft.id } })).toBe(0);
    expect(await api.db.prisma.auditEvent.count()).toBe(audit);
    // An assignment made earlier (the proposal went back to its team since) does not open the review either.
    await api.db.prisma.reviewAssignment.create({
      data: { proposalId: draft.id, reviewerId: fromGlobalIdOf('Person', expert.personId) },
    });
    const early = await expert.actor.graphql(SUBMIT, {
      input: {
        proposalId: toGlobalId('Proposal', draft.id),
        recommendation: 'COMMEND',
        scores: allScores((c) => c.minScore),
      },
    });
    expect(early.data.reviewSubmit.userErrors[0]).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/The proposal is draft: /),
    });
  });

  it("never assign a reviewer from the proposal's own organization", async () => {
    const ministry = await api.db.prisma.seminar.findUniqueOrThrow({ where: { id: EXAMPLE_SEMINAR_ID } });
    const insider = await reviewer('Insider', ministry.partnerId);
    const before = await api.db.prisma.reviewAssignment.count();
    const { data } = await coordinator.graphql(ASSIGN, { input: { proposalId, reviewerId: insider.personId } });
    expect(data.reviewAssign).toEqual({
      assigned: false,
      userErrors: [
        {
          field: ['input', 'reviewerId'],
          code: 'INVALID',
          message: 'A reviewer may not review a proposal from their own organization.',
        },
      ],
    });
    expect(await api.db.prisma.reviewAssignment.count()).toBe(before);
  });

  it("list the assigned reviewers to the seminar's staff, to a reviewer only themself, and to nobody else", async () => {
    const first = await reviewer('Assigned', null);
    const second = await reviewer('Colleague', null);
    for (const expert of [first, second]) {
      const { data } = await coordinator.graphql(ASSIGN, { input: { proposalId, reviewerId: expert.personId } });
      expect(data.reviewAssign.assigned).toBe(true);
    }
    const REVIEWERS = 'query($id: ID!) { proposal(id: $id) { reviewers { id } } }';
    const names = async (actor: Actor) =>
      ((await actor.graphql(REVIEWERS, { id: proposalId })).data.proposal?.reviewers ?? []).map(
        (person: { id: string }) => person.id,
      );

    expect(await names(coordinator)).toEqual(expect.arrayContaining([first.personId, second.personId]));
    expect(await names(await api.as('ADMIN'))).toEqual(await names(coordinator));
    expect(await names(first.actor)).toEqual([first.personId]);
    const lead = await api.db.prisma.proposalMember.findFirstOrThrow({
      where: {
        proposalId: (
          await api.db.prisma.proposal.findFirstOrThrow({ where: { title: 'Open data portal for schools' } })
        ).id,
      },
    });
    expect(await names(await api.as('PARTICIPANT', { personId: lead.personId }))).toEqual([]);
    expect(await names(await api.as('COORDINATOR'))).toEqual([]);
  });

  it("list a review's scores in the programme's order of its criteria, also once that order changes", async () => {
    const expert = await reviewer('Ordered', null);
    await coordinator.graphql(ASSIGN, { input: { proposalId, reviewerId: expert.personId } });
    // Sent in the reverse order of the criteria, scored in theirs.
    const scores = allScores((c) => c.minScore).reverse();
    const { data } = await expert.actor.graphql(SUBMIT, { input: { proposalId, recommendation: 'REVISE', scores } });
    const named = (review: { scores: { criterion: { name: string } }[] }) => review.scores.map((s) => s.criterion.name);
    expect(named(data.reviewSubmit.review)).toEqual(criteria.map((criterion) => criterion.name));

    const last = criteria.length - 1;
    for (const [index, criterion] of criteria.entries()) {
      await api.db.prisma.reviewCriterion.update({ where: { id: criterion.id }, data: { position: last - index } });
    }
    const read = await coordinator.graphql(
      'query($id: ID!) { proposal(id: $id) { reviews(first: 20) { nodes { reviewer { id } scores { criterion { name } } } } } }',
      { id: proposalId },
    );
    const mine = read.data.proposal.reviews.nodes.find((review: any) => review.reviewer.id === expert.personId);
    expect(named(mine)).toEqual(criteria.map((criterion) => criterion.name).reverse());
  });
});
