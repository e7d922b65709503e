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
