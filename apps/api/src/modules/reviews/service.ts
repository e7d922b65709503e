import { readsEverything } from '../../core/auth/guards.ts';
import { reviewWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { nestedList } from '../../core/lists/lists.ts';
import { REVIEW_LIST, type ReviewListArgs } from './list.ts';

/** The mean of a review's scores weighted by their criteria, on the criteria's own scale. */
export async function weightedScore(ctx: Context, reviewId: string): Promise<number | null> {
  const scores = await ctx.loaders.scoresByReview.load(reviewId);
  const criteria = await ctx.loaders.reviewCriterion.loadMany(scores.map((score) => score.criterionId));
  let weighted = 0;
  let weights = 0;
  scores.forEach((score, index) => {
    const criterion = criteria[index];
    if (!criterion || criterion instanceof Error) return;
    weighted += criterion.weight * score.score;
    weights += criterion.weight;
  });
  return weights > 0 ? Math.round((weighted / weights) * 100) / 100 : null;
}

/** A proposal's reviews; loaded in one query for all proposals in a response. */
export async function reviewsOfProposal(ctx: Context, proposalId: string, args: ReviewListArgs) {
  const visible = reviewWhere(ctx.viewer, await ctx.scope());
  return nestedList(ctx, REVIEW_LIST, args, {
    name: 'Proposal.reviews',
    parentId: proposalId,
    relation: 'reviews',
    parentKey: 'proposalId',
    visible,
    findParents: (ids, args) => ctx.prisma.proposal.findMany({ where: { id: { in: ids } }, ...args }),
  });
}

/**
 * The experts assigned to a proposal: all of them for the staff of its seminar, who assign them; only
 * themself for an assigned reviewer; none for anyone else, since who reviews what is not for the team.
 */
export async function assignedReviewers(ctx: Context, proposal: { id: string; seminarId: string }) {
  const { viewer } = ctx;
  const staff = readsEverything(viewer) || (await ctx.scope()).coordinatedSeminarIds.includes(proposal.seminarId);
  const self = viewer.kind === 'user' && viewer.role === 'REVIEWER' ? viewer.personId : null;
  if (!staff && !self) return [];
  const assignments = await ctx.loaders.assignmentsByProposal.load(proposal.id);
  const shown = assignments.filter((assignment) => staff || assignment.reviewerId === self);
  const people = await ctx.loaders.person.loadMany(shown.map((assignment) => assignment.reviewerId));
  return people.filter((person) => person && !(person instanceof Error));
}
