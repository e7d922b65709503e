import type { Review } from '@seminarhub/db';
import { reviewWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** A proposal's reviews, in the order they were recorded. */
export async function listReviews(ctx: Context, args: ConnectionArgs, where: { proposalId: string }) {
  const visible = reviewWhere(ctx.viewer, await ctx.scope());
  return paginate<Review>({
    args,
    order: { direction: 'asc' },
    findMany: (page) => ctx.prisma.review.findMany({ ...page, where: { AND: [where, visible, page.where] } }),
    count: () => ctx.prisma.review.count({ where: { AND: [where, visible] } }),
  });
}

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
