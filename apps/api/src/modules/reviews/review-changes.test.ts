import { EXAMPLE_PROGRAM_ID, EXAMPLE_SEMINAR_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../../test/testkit.ts';
import { toGlobalId } from '../../core/node-id.ts';

/** Reviewers correct their reviews during the review phase; staff take reviewers off before they review. */
let api: TestApi;
let coordinator: Actor;
let criteria: { id: string; minScore: number; maxScore: number }[];

const ASSIGN = 'mutation($input: ReviewAssignInput!) { reviewAssign(input: $input) { assigned userErrors { code } } }';
const UNASSIGN =
  'mutation($input: ReviewUnassignInput!) { reviewUnassign(input: $input) { unassigned userErrors { field code message } } }';
const SUBMIT = `mutation($input: ReviewSubmitInput!) { reviewSubmit(input: $input) {
  review { id version } userErrors { code } } }`;
const UPDATE = `mutation($input: ReviewUpdateInput!) { reviewUpdate(input: $input) {
  review { id version recommendation commentToAuthors weightedScore scores { score } } userErrors { field code message } } }`;

const scores = (pick: (c: { minScore: number; maxScore: number }) => number) =>
  criteria.map((c) => ({ criterionId: toGlobalId('ReviewCriterion', c.id), score: pick(c) }));

async function proposalUnderReview(title: string) {
  const member = await api.db.prisma.enrollment.findFirstOrThrow({ where: { seminarId: EXAMPLE_SEMINAR_ID } });
  const proposal = await api.db.prisma.proposal.create({
    data: {
      seminarId: EXAMPLE_SEMINAR_ID,
      title,
      status: 'UNDER_REVIEW',
      members: { create: [{ personId: member.personId, role: 'LEAD' }] },
    },
  });
  return { id: proposal.id, globalId: toGlobalId('Proposal', proposal.id) };
}

async function expert(name: string) {
  const person = await api.db.prisma.person.create({ data: { givenName: name, familyName: 'Expert' } });
  return { personId: toGlobalId('Person', person.id), actor: await api.as('REVIEWER', { personId: person.id }) };
}

beforeAll(async () => {
  api = await startTestApi();
  coordinator = await api.as('COORDINATOR', { seminarIds: [EXAMPLE_SEMINAR_ID] });
  criteria = await api.db.prisma.reviewCriterion.findMany({ where: { programId: EXAMPLE_PROGRAM_ID } });
});
afterAll(() => api?.close());

describe('reviewUpdate', () => {
  it('lets the reviewer change their review while UNDER_REVIEW, version-checked, with every change audited', async () => {
    const proposal = await proposalUnderReview('Digital archive for the ministry');
    const reviewer = await expert('Minji');
    await coordinator.graphql(ASSIGN, { input: { proposalId: proposal.globalId, reviewerId: reviewer.personId } });
    const submitted = await reviewer.actor.graphql(SUBMIT, {
      input: { proposalId: proposal.globalId, recommendation: 'REVISE', scores: scores((c) => c.minScore) },
    });
    const review = submitted.data.reviewSubmit.review as { id: string; version: number };

    const changed = await reviewer.actor.graphql(UPDATE, {
      input: {
        id: review.id,
        version: review.version,
        recommendation: 'COMMEND',
        scores: scores((c) => c.maxScore),
        commentToAuthors: 'Much better after a second read.',
      },
    });
    expect(changed.data.reviewUpdate.userErrors).toEqual([]);
    expect(changed.data.reviewUpdate.review).toMatchObject({
      recommendation: 'COMMEND',
      version: review.version + 1,
      weightedScore: Math.max(...criteria.map((c) => c.maxScore)),
      commentToAuthors: 'Much better after a second read.',
    });

    // The version read before the change is stale now.
    const stale = await reviewer.actor.graphql(UPDATE, {
      input: { id: review.id, version: review.version, recommendation: 'DECLINE' },
    });
    expect(stale.data.reviewUpdate.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'version'] });

    // Scores must still cover every criterion within its range, and nothing is written otherwise.
    const partial = await reviewer.actor.graphql(UPDATE, {
      input: { id: review.id, version: review.version + 1, scores: scores((c) => c.maxScore + 1).slice(1) },
    });
    const codes = partial.data.reviewUpdate.userErrors.map((error: { code: string }) => error.code);
    expect(codes).toContain('INVALID');
    const row = await api.db.prisma.review.findFirstOrThrow({
      where: { proposalId: proposal.id },
      include: { scores: true },
    });
    expect(row.version).toBe(review.version + 1);
    expect(row.scores.map((score) => score.score).sort()).toEqual(criteria.map((c) => c.maxScore).sort());

    const { data } = await (await api.as('ADMIN')).graphql(
      'query($id: ID!) { auditEvents(filter: { entityId: $id, action: { eq: "review.update" } }) { nodes { before after } } }',
      { id: review.id },
    );
    expect(data.auditEvents.nodes).toHaveLength(1);
    expect(data.auditEvents.nodes[0].before.recommendation).toBe('REVISE');
    expect(data.auditEvents.nodes[0].after.recommendation).toBe('COMMEND');
  });

  it('is refused to other reviewers, as if missing, and once the proposal has moved on', async () => {
    const proposal = await proposalUnderReview('Broadband for rural schools');
    const reviewer = await expert('Jisoo');
    const other = await expert('Dong');
    await coordinator.graphql(ASSIGN, { input: { proposalId: proposal.globalId, reviewerId: reviewer.personId } });
    const submitted = await reviewer.actor.graphql(SUBMIT, {
      input: { proposalId: proposal.globalId, recommendation: 'SELECT', scores: scores((c) => c.maxScore) },
    });
    const review = submitted.data.reviewSubmit.review as { id: string; version: number };

    const byOther = await other.actor.graphql(UPDATE, {
      input: { id: review.id, version: review.version, recommendation: 'DECLINE' },
    });
    expect(byOther.data.reviewUpdate.userErrors[0].code).toBe('NOT_FOUND');
    const byCoordinator = await coordinator.graphql(UPDATE, {
      input: { id: review.id, version: review.version, recommendation: 'DECLINE' },
    });
    expect(byCoordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await api.db.prisma.proposal.update({ where: { id: proposal.id }, data: { status: 'COMMENDED' } });
    const late = await reviewer.actor.graphql(UPDATE, {
      input: { id: review.id, version: review.version, recommendation: 'DECLINE' },
    });
    expect(late.data.reviewUpdate.userErrors[0].code).toBe('INVALID_TRANSITION');
    const row = await api.db.prisma.review.findFirstOrThrow({ where: { proposalId: proposal.id } });
    expect(row.recommendation).toBe('SELECT');
  });
});

describe('reviewUnassign', () => {
  it('takes a reviewer off until they have reviewed, and is refused to others', async () => {
    const proposal = await proposalUnderReview('E-signature for permits');
    const reviewer = await expert('Hana');
    const input = { proposalId: proposal.globalId, reviewerId: reviewer.personId };
    await coordinator.graphql(ASSIGN, { input });

    const participant = await api.as('PARTICIPANT');
    const refused = await participant.graphql(UNASSIGN, { input });
    expect(refused.data?.reviewUnassign?.unassigned ?? false).toBe(false);
    expect(await api.db.prisma.reviewAssignment.count({ where: { proposalId: proposal.id } })).toBe(1);

    const removed = await coordinator.graphql(UNASSIGN, { input });
    expect(removed.data.reviewUnassign).toEqual({ unassigned: true, userErrors: [] });
    expect(await api.db.prisma.reviewAssignment.count({ where: { proposalId: proposal.id } })).toBe(0);
    // The reviewer can no longer review it.
    const late = await reviewer.actor.graphql(SUBMIT, {
      input: { proposalId: proposal.globalId, recommendation: 'SELECT', scores: scores((c) => c.maxScore) },
    });
    expect(late.data.reviewSubmit.userErrors[0].code).toBe('NOT_FOUND');

    await coordinator.graphql(ASSIGN, { input });
    await reviewer.actor.graphql(SUBMIT, {
      input: { proposalId: proposal.globalId, recommendation: 'SELECT', scores: scores((c) => c.maxScore) },
    });
    const inUse = await coordinator.graphql(UNASSIGN, { input });
    expect(inUse.data.reviewUnassign.unassigned).toBe(false);
    expect(inUse.data.reviewUnassign.userErrors[0]).toMatchObject({ code: 'IN_USE', field: ['input', 'reviewerId'] });
    expect(await api.db.prisma.reviewAssignment.count({ where: { proposalId: proposal.id } })).toBe(1);
  });
});
