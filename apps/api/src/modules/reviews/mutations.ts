import { Prisma } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { forbidden, unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { mayManage } from '../seminars/mutations.ts';
import type { ReviewAssignInput, ReviewAssignPayload, ReviewSubmitInput, ReviewSubmitPayload } from './inputs.ts';

const notFound = (field: string, noun: string) =>
  userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', field]);

/** Staff assign reviewers; an expert never reviews a proposal carried out by their own organization. */
export async function assignReviewer(ctx: Context, input: ReviewAssignInput): Promise<ReviewAssignPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const proposalId = fromGlobalIdOf('Proposal', input.proposalId, 'input.proposalId');
  const reviewerId = fromGlobalIdOf('Person', input.reviewerId, 'input.reviewerId');
  const proposal = await ctx.prisma.proposal.findUnique({
    where: { id: proposalId },
    include: { seminar: true, members: { include: { person: true } } },
  });
  if (!proposal || !(await mayManage(ctx, proposal.seminar)))
    return { assigned: false, userErrors: [notFound('proposalId', 'proposal')] };
  const reviewer = await ctx.prisma.person.findUnique({ where: { id: reviewerId }, include: { user: true } });
  if (reviewer?.user?.role !== 'REVIEWER') {
    return { assigned: false, userErrors: [notFound('reviewerId', 'reviewer (a person with a REVIEWER account)')] };
  }
  const ownOrganizations = new Set(
    [proposal.implementingOrganizationId, ...proposal.members.map((member) => member.person.organizationId)].filter(
      Boolean,
    ),
  );
  if (reviewer.organizationId && ownOrganizations.has(reviewer.organizationId)) {
    return {
      assigned: false,
      userErrors: [
        userError(UserErrorCode.INVALID, 'A reviewer may not review a proposal from their own organization.', [
          'input',
          'reviewerId',
        ]),
      ],
    };
  }
  await ctx.prisma.$transaction(async (tx) => {
    const assignment = await tx.reviewAssignment.upsert({
      where: { proposalId_reviewerId: { proposalId, reviewerId } },
      create: { proposalId, reviewerId },
      update: {},
    });
    await recordAudit(tx, ctx, {
      action: 'review.assign',
      entityType: 'Proposal',
      entityId: proposalId,
      before: null,
      after: assignment,
    });
  });
  return { assigned: true, userErrors: [] };
}

/**
 * A review scores every criterion of the programme within its range; one per reviewer and
 * proposal, only while the proposal is UNDER_REVIEW and assigned to the reviewer.
 */
export async function submitReview(ctx: Context, input: ReviewSubmitInput): Promise<ReviewSubmitPayload> {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (viewer.kind !== 'user' || viewer.role !== 'REVIEWER' || !viewer.personId)
    throw forbidden('Only reviewers submit reviews.');
  const reviewerId = viewer.personId;
  const proposalId = fromGlobalIdOf('Proposal', input.proposalId, 'input.proposalId');
  const proposal = await ctx.prisma.proposal.findUnique({
    where: { id: proposalId },
    include: {
      seminar: { include: { program: { include: { reviewCriteria: true } } } },
      reviewAssignments: { where: { reviewerId } },
    },
  });
  if (!proposal || proposal.reviewAssignments.length === 0)
    return { review: null, userErrors: [notFound('proposalId', 'proposal assigned to you')] };
  if (proposal.status !== 'UNDER_REVIEW') {
    return {
      review: null,
      userErrors: [
        userError(UserErrorCode.INVALID_TRANSITION, `The proposal is ${proposal.status}, not UNDER_REVIEW.`, [
          'input',
          'proposalId',
        ]),
      ],
    };
  }

  const criteria = proposal.seminar.program.reviewCriteria;
  const checks = new Checks()
    .text('comment', input.comment, { max: 5000 })
    .text('commentToAuthors', input.commentToAuthors, { max: 5000 });
  const scores = input.scores.map((entry, index) => ({
    criterionId: fromGlobalIdOf('ReviewCriterion', entry.criterionId, `input.scores[${index}].criterionId`),
    score: entry.score,
    index,
  }));
  for (const { criterionId, score, index } of scores) {
    const criterion = criteria.find((candidate) => candidate.id === criterionId);
    if (!criterion)
      checks.errors.push(
        userError(UserErrorCode.NOT_FOUND, "Not one of the programme's criteria.", ['input', 'scores', String(index)]),
      );
    else if (!Number.isInteger(score) || score < criterion.minScore || score > criterion.maxScore) {
      checks.errors.push(
        userError(
          UserErrorCode.INVALID,
          `${criterion.name} is scored from ${criterion.minScore} to ${criterion.maxScore}.`,
          ['input', 'scores', String(index)],
        ),
      );
    }
  }
  const scored = new Set(scores.map((entry) => entry.criterionId));
  if (scored.size !== scores.length) checks.fail('scores', 'Score each criterion once.');
  const missing = criteria.filter((criterion) => !scored.has(criterion.id)).map((criterion) => criterion.name);
  if (missing.length > 0) checks.fail('scores', `Score every criterion; missing: ${missing.join(', ')}.`);
  if (!checks.ok) return { review: null, userErrors: checks.errors };

  const already = {
    review: null,
    userErrors: [userError(UserErrorCode.CONFLICT, 'You already reviewed this proposal.', ['input', 'proposalId'])],
  };
  return ctx.prisma
    .$transaction(async (tx) => {
      if (await tx.review.findUnique({ where: { proposalId_reviewerId: { proposalId, reviewerId } } })) return already;
      const review = await tx.review.create({
        data: {
          proposalId,
          reviewerId,
          recommendation: input.recommendation,
          comment: cleanText(input.comment) ?? null,
          commentToAuthors: cleanText(input.commentToAuthors) ?? null,
          conflictDeclared: input.conflictDeclared ?? false,
          submittedAt: new Date(),
          scores: { create: scores.map(({ criterionId, score }) => ({ criterionId, score })) },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'review.submit',
        entityType: 'Review',
        entityId: review.id,
        before: null,
        after: { ...review, scores },
      });
      return { review, userErrors: [] };
    })
    .catch((error: unknown) => {
      // Two submissions at once: the unique (proposal, reviewer) index lets one through.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return already;
      throw error;
    });
}
