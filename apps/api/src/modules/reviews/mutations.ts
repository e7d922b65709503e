import { Prisma, type ProposalStatus, type Review, type ReviewCriterion } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { forbidden, unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refusable, refuse } from '../../core/versioned.ts';
import { eitherWords, enumWords } from '../../core/words.ts';
import { mayManageProgram } from '../programs/mutations.ts';
import { mayManage, requireManagerRole } from '../seminars/mutations.ts';
import type {
  ReviewAssignInput,
  ReviewAssignPayload,
  ReviewCriterionCreateInput,
  ReviewCriterionDeleteInput,
  ReviewCriterionDeletePayload,
  ReviewCriterionPayload,
  ReviewCriterionUpdateInput,
  ReviewScoreInput,
  ReviewSubmitInput,
  ReviewSubmitPayload,
  ReviewUnassignInput,
  ReviewUnassignPayload,
  ReviewUpdateInput,
} from './inputs.ts';

const notFound = (field: string, noun: string) =>
  userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', field]);

/** Staff assign reviewers; an expert never reviews a proposal carried out by their own organization. */
/** Proposals that take reviewers: handed in and not yet decided. */
const REVIEWABLE: ProposalStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];

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
  // Reviewers read what the team handed in: nothing before it is submitted, nothing once decided.
  if (!REVIEWABLE.includes(proposal.status)) {
    return {
      assigned: false,
      userErrors: [
        userError(
          UserErrorCode.INVALID_TRANSITION,
          `The proposal is ${enumWords(proposal.status)}: reviewers are assigned while it is ${eitherWords(REVIEWABLE)}.`,
          ['input', 'proposalId'],
        ),
      ],
    };
  }
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

/** Reads the scores given, each within its criterion's range, every criterion once; problems go to `checks`. */
function checkScores(checks: Checks, criteria: ReviewCriterion[], given: ReviewScoreInput[]) {
  const scores = given.map((entry, index) => ({
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
  return scores;
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
        userError(
          UserErrorCode.INVALID_TRANSITION,
          `The proposal is ${enumWords(proposal.status)}: it is reviewed while under review.`,
          ['input', 'proposalId'],
        ),
      ],
    };
  }

  const checks = new Checks()
    .text('comment', input.comment, { max: 5000 })
    .text('commentToAuthors', input.commentToAuthors, { max: 5000 });
  const scores = checkScores(checks, proposal.seminar.program.reviewCriteria, input.scores);
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

// ---------------------------------------------------------------------------------------------
// Review criteria of a programme

type CriterionFields = Omit<ReviewCriterionUpdateInput, 'id' | 'version'>;

function checkCriterion(input: CriterionFields, creating: boolean): Checks {
  const checks = new Checks()
    .text('name', input.name, { min: 1, max: 100, required: creating })
    .text('description', input.description, { max: 2000 })
    .integer('minScore', input.minScore, { min: 0, max: 100 })
    .integer('maxScore', input.maxScore, { min: 0, max: 100 })
    .integer('position', input.position, { min: 0, max: 1000 });
  if (input.weight != null && !(input.weight > 0 && input.weight <= 100)) {
    checks.fail('weight', 'Use a number above 0 and at most 100.');
  }
  for (const field of ['name', 'weight', 'minScore', 'maxScore', 'position'] as const) {
    if (!creating && input[field] === null) checks.fail(field, 'This cannot be cleared.');
  }
  return checks;
}

/** The lowest score must stay below the highest; said of `maxScore`. */
function checkRange(checks: Checks, minScore: number, maxScore: number): Checks {
  const valid = (score: number) => Number.isInteger(score) && score >= 0 && score <= 100;
  if (valid(minScore) && valid(maxScore) && minScore >= maxScore) {
    checks.fail('maxScore', `It must be above the lowest score (${minScore}).`);
  }
  return checks;
}

const nameTaken = (): UserError =>
  userError(UserErrorCode.CONFLICT, 'The programme has another criterion with this name.', ['input', 'name']);

async function checkNameFree(ctx: Context, checks: Checks, programId: string, name: string, selfId?: string) {
  const other = await ctx.prisma.reviewCriterion.findUnique({
    where: { programId_name: { programId, name: name.trim() } },
    select: { id: true },
  });
  if (other && other.id !== selfId) checks.errors.push(nameTaken());
}

const isNameTaken = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** The criterion, if the viewer manages its programme; a criterion of another programme looks missing. */
async function manageableCriterion(ctx: Context, globalId: string) {
  requireManagerRole(ctx);
  const id = fromGlobalIdOf('ReviewCriterion', globalId, 'input.id');
  const criterion = await ctx.prisma.reviewCriterion.findUnique({
    where: { id },
    select: { id: true, programId: true },
  });
  return criterion && (await mayManageProgram(ctx, criterion.programId)) ? criterion : null;
}

/** Administrators and the programme's coordinators add the criteria its proposals are reviewed on. */
export async function createReviewCriterion(
  ctx: Context,
  input: ReviewCriterionCreateInput,
): Promise<ReviewCriterionPayload> {
  requireManagerRole(ctx);
  const programId = fromGlobalIdOf('Program', input.programId, 'input.programId');
  const minScore = input.minScore ?? 1;
  const maxScore = input.maxScore ?? 5;
  const checks = checkRange(checkCriterion(input, true), minScore, maxScore);
  const program = await ctx.prisma.program.findUnique({ where: { id: programId }, select: { id: true } });
  if (!program || !(await mayManageProgram(ctx, programId))) {
    checks.fail('programId', 'There is no such programme.', UserErrorCode.NOT_FOUND);
  } else if (checks.ok) {
    await checkNameFree(ctx, checks, programId, input.name);
  }
  if (!checks.ok) return { reviewCriterion: null, userErrors: checks.errors };
  try {
    const reviewCriterion = await ctx.prisma.$transaction(async (tx) => {
      const last = await tx.reviewCriterion.aggregate({ where: { programId }, _max: { position: true } });
      const created = await tx.reviewCriterion.create({
        data: {
          programId,
          name: input.name.trim(),
          description: cleanText(input.description) ?? null,
          weight: input.weight ?? 1,
          minScore,
          maxScore,
          position: input.position ?? Math.min((last._max.position ?? -1) + 1, 1000),
        },
      });
      await recordAudit(tx, ctx, {
        action: 'reviewCriterion.create',
        entityType: 'ReviewCriterion',
        entityId: created.id,
        before: null,
        after: created,
      });
      return created;
    });
    return { reviewCriterion, userErrors: [] };
  } catch (error) {
    if (isNameTaken(error)) return { reviewCriterion: null, userErrors: [nameTaken()] };
    throw error;
  }
}

/**
 * Name, description, weight and position may change at any time; a new weight re-weights every
 * review's overall score. The score range may not change once a review has scored the criterion:
 * its scores were given on that range and would be misread on another.
 */
export async function updateReviewCriterion(
  ctx: Context,
  input: ReviewCriterionUpdateInput,
): Promise<ReviewCriterionPayload> {
  const target = await manageableCriterion(ctx, input.id);
  if (!target) {
    return {
      reviewCriterion: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such review criterion.', ['input', 'id'])],
    };
  }
  const checks = checkCriterion(input, false);
  if (checks.ok && input.name != null) await checkNameFree(ctx, checks, target.programId, input.name, target.id);
  if (!checks.ok) return { reviewCriterion: null, userErrors: checks.errors };
  try {
    const outcome = await changeVersioned<ReviewCriterion, ReviewCriterion>(
      ctx.prisma,
      'ReviewCriterion',
      'review criterion',
      target.id,
      input.version,
      async (tx, before) => {
        const minScore = input.minScore ?? before.minScore;
        const maxScore = input.maxScore ?? before.maxScore;
        const later = checkRange(new Checks(), minScore, maxScore);
        if (minScore !== before.minScore || maxScore !== before.maxScore) {
          const scores = await tx.reviewScore.count({ where: { criterionId: target.id } });
          if (scores > 0) {
            later.fail(
              minScore !== before.minScore ? 'minScore' : 'maxScore',
              `${scores} review score(s) were given on the range ${before.minScore} to ${before.maxScore}; changing the range would misread them. Its name, description, weight and position may still change.`,
            );
          }
        }
        if (!later.ok) refuse(...later.errors);
        const after = await tx.reviewCriterion.update({
          where: { id: target.id },
          data: {
            ...(input.name != null ? { name: input.name.trim() } : {}),
            ...(input.description !== undefined ? { description: cleanText(input.description) ?? null } : {}),
            ...(input.weight != null ? { weight: input.weight } : {}),
            ...(input.position != null ? { position: input.position } : {}),
            minScore,
            maxScore,
            version: { increment: 1 },
          },
        });
        await recordAudit(tx, ctx, {
          action: 'reviewCriterion.update',
          entityType: 'ReviewCriterion',
          entityId: target.id,
          before,
          after,
        });
        return after;
      },
    );
    return outcome.ok
      ? { reviewCriterion: outcome.result, userErrors: [] }
      : { reviewCriterion: null, userErrors: outcome.errors };
  } catch (error) {
    if (isNameTaken(error)) return { reviewCriterion: null, userErrors: [nameTaken()] };
    throw error;
  }
}

/** Scores given on a criterion are history: once a review has scored it, it is not deleted. */
export async function deleteReviewCriterion(
  ctx: Context,
  input: ReviewCriterionDeleteInput,
): Promise<ReviewCriterionDeletePayload> {
  const target = await manageableCriterion(ctx, input.id);
  if (!target) {
    return {
      deletedId: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such review criterion.', ['input', 'id'])],
    };
  }
  const outcome = await changeVersioned<ReviewCriterion, void>(
    ctx.prisma,
    'ReviewCriterion',
    'review criterion',
    target.id,
    input.version,
    async (tx, before) => {
      const scores = await tx.reviewScore.count({ where: { criterionId: target.id } });
      if (scores > 0) {
        refuse(
          userError(
            UserErrorCode.IN_USE,
            `${scores} review score(s) were given on the criterion; deleting it would lose them.`,
            ['input', 'id'],
          ),
        );
      }
      await tx.reviewCriterion.delete({ where: { id: target.id } });
      await recordAudit(tx, ctx, {
        action: 'reviewCriterion.delete',
        entityType: 'ReviewCriterion',
        entityId: target.id,
        before,
        after: null,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('ReviewCriterion', target.id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}

/**
 * The reviewer corrects their review while the proposal is still UNDER_REVIEW: once staff have
 * moved it on, the review is part of the decision and stays as it was.
 */
export async function updateReview(ctx: Context, input: ReviewUpdateInput): Promise<ReviewSubmitPayload> {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (viewer.kind !== 'user' || viewer.role !== 'REVIEWER' || !viewer.personId)
    throw forbidden('Only reviewers change their reviews.');
  const reviewerId = viewer.personId;
  const id = fromGlobalIdOf('Review', input.id, 'input.id');
  const checks = new Checks()
    .text('comment', input.comment, { max: 5000 })
    .text('commentToAuthors', input.commentToAuthors, { max: 5000 });
  if (input.recommendation === null) checks.fail('recommendation', 'A recommendation is required.');
  const outcome = await changeVersioned<Review, Review>(
    ctx.prisma,
    'Review',
    'review',
    id,
    input.version,
    async (tx, before) => {
      // Someone else's review looks missing, like one that does not exist.
      if (before.reviewerId !== reviewerId) refuse(notFound('id', 'review of yours'));
      const proposal = await tx.proposal.findUniqueOrThrow({
        where: { id: before.proposalId },
        include: { seminar: { include: { program: { include: { reviewCriteria: true } } } } },
      });
      if (proposal.status !== 'UNDER_REVIEW') {
        refuse(
          userError(
            UserErrorCode.INVALID_TRANSITION,
            `The proposal is ${enumWords(proposal.status)}: a review can change only while it is under review.`,
            ['input', 'id'],
          ),
        );
      }
      const scores = input.scores ? checkScores(checks, proposal.seminar.program.reviewCriteria, input.scores) : null;
      if (!checks.ok) refuse(...checks.errors);
      const beforeScores = await tx.reviewScore.findMany({ where: { reviewId: id }, orderBy: { criterionId: 'asc' } });
      if (scores) {
        await tx.reviewScore.deleteMany({ where: { reviewId: id } });
        await tx.reviewScore.createMany({
          data: scores.map(({ criterionId, score }) => ({ reviewId: id, criterionId, score })),
        });
      }
      const after = await tx.review.update({
        where: { id },
        data: {
          ...(input.recommendation != null ? { recommendation: input.recommendation } : {}),
          ...(input.comment !== undefined ? { comment: cleanText(input.comment) ?? null } : {}),
          ...(input.commentToAuthors !== undefined
            ? { commentToAuthors: cleanText(input.commentToAuthors) ?? null }
            : {}),
          ...(input.conflictDeclared != null ? { conflictDeclared: input.conflictDeclared } : {}),
          version: { increment: 1 },
        },
      });
      const scoreMap = (rows: { criterionId: string; score: number }[]) =>
        Object.fromEntries(rows.map((row) => [row.criterionId, row.score]));
      await recordAudit(tx, ctx, {
        action: 'review.update',
        entityType: 'Review',
        entityId: id,
        before: { ...before, scores: scoreMap(beforeScores) },
        after: { ...after, scores: scores ? scoreMap(scores) : scoreMap(beforeScores) },
      });
      return after;
    },
  );
  return outcome.ok ? { review: outcome.result, userErrors: [] } : { review: null, userErrors: outcome.errors };
}

/** Staff take a reviewer off a proposal, until that reviewer has handed in a review. */
export async function unassignReviewer(ctx: Context, input: ReviewUnassignInput): Promise<ReviewUnassignPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const proposalId = fromGlobalIdOf('Proposal', input.proposalId, 'input.proposalId');
  const reviewerId = fromGlobalIdOf('Person', input.reviewerId, 'input.reviewerId');
  const proposal = await ctx.prisma.proposal.findUnique({ where: { id: proposalId }, include: { seminar: true } });
  if (!proposal || !(await mayManage(ctx, proposal.seminar)))
    return { unassigned: false, userErrors: [notFound('proposalId', 'proposal')] };
  const outcome = await refusable(ctx.prisma, async (tx) => {
    const assignment = await tx.reviewAssignment.findUnique({
      where: { proposalId_reviewerId: { proposalId, reviewerId } },
    });
    if (!assignment) return;
    if (await tx.review.findUnique({ where: { proposalId_reviewerId: { proposalId, reviewerId } } })) {
      refuse(
        userError(
          UserErrorCode.IN_USE,
          'This reviewer has handed in a review of the proposal; it stays part of the record.',
          ['input', 'reviewerId'],
        ),
      );
    }
    await tx.reviewAssignment.delete({ where: { id: assignment.id } });
    await recordAudit(tx, ctx, {
      action: 'review.unassign',
      entityType: 'Proposal',
      entityId: proposalId,
      before: assignment,
      after: null,
    });
  });
  return outcome.ok ? { unassigned: true, userErrors: [] } : { unassigned: false, userErrors: outcome.errors };
}
