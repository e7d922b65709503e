import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { Person } from '../people/types.ts';
import { ReviewCriterion } from '../programs/types.ts';
import { Proposal } from '../proposals/types.ts';
import {
  ReviewAssignInput,
  ReviewAssignPayload,
  ReviewCriterionCreateInput,
  ReviewCriterionDeleteInput,
  ReviewCriterionDeletePayload,
  ReviewCriterionPayload,
  ReviewCriterionUpdateInput,
  ReviewSubmitInput,
  ReviewSubmitPayload,
  ReviewUnassignInput,
  ReviewUnassignPayload,
  ReviewUpdateInput,
} from './inputs.ts';
import { ReviewListArgs } from './list.ts';
import {
  assignReviewer,
  createReviewCriterion,
  deleteReviewCriterion,
  submitReview,
  unassignReviewer,
  updateReview,
  updateReviewCriterion,
} from './mutations.ts';
import { assignedReviewers, reviewsOfProposal, weightedScore } from './service.ts';
import { Review, ReviewConnection, ReviewScore } from './types.ts';

@Resolver(() => Review)
export class ReviewResolver {
  @Mutation(() => ReviewAssignPayload, {
    description:
      "Assigns an expert to review a proposal that is SUBMITTED or UNDER_REVIEW; never one from the proposal's own organizations. Staff.",
  })
  reviewAssign(
    @Arg('input', () => ReviewAssignInput, { description: 'The proposal and the reviewer.' }) input: ReviewAssignInput,
    @Ctx() ctx: Context,
  ) {
    return assignReviewer(ctx, input);
  }

  @Mutation(() => ReviewUnassignPayload, {
    description:
      'Takes a reviewer off a proposal, unless they have handed in a review of it (IN_USE). Staff of its seminar.',
  })
  reviewUnassign(
    @Arg('input', () => ReviewUnassignInput, { description: 'The proposal and the reviewer.' })
    input: ReviewUnassignInput,
    @Ctx() ctx: Context,
  ) {
    return unassignReviewer(ctx, input);
  }

  @Mutation(() => ReviewSubmitPayload, {
    description:
      'Changes the signed-in reviewer’s own review, if nobody changed it since they read it, while the proposal is UNDER_REVIEW.',
  })
  reviewUpdate(
    @Arg('input', () => ReviewUpdateInput, { description: 'The changes.' }) input: ReviewUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateReview(ctx, input);
  }

  @Mutation(() => ReviewSubmitPayload, {
    description:
      "Submits the signed-in reviewer's review of an assigned proposal UNDER_REVIEW, scoring every criterion. Once per proposal.",
  })
  reviewSubmit(
    @Arg('input', () => ReviewSubmitInput, { description: 'The review.' }) input: ReviewSubmitInput,
    @Ctx() ctx: Context,
  ) {
    return submitReview(ctx, input);
  }

  @Mutation(() => ReviewCriterionPayload, {
    description:
      'Adds a criterion to the reviews of a programme’s proposals. Reviews already submitted keep their scores and are not scored on it. Administrators and the programme’s coordinators.',
  })
  reviewCriterionCreate(
    @Arg('input', () => ReviewCriterionCreateInput, { description: 'The criterion.' })
    input: ReviewCriterionCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createReviewCriterion(ctx, input);
  }

  @Mutation(() => ReviewCriterionPayload, {
    description:
      'Changes a review criterion, if nobody changed it since you read it. Once a review has scored it, its score range may not change (INVALID); its name, description and position may, and so may its weight, which re-weights the overall score of every review. Administrators and the programme’s coordinators.',
  })
  reviewCriterionUpdate(
    @Arg('input', () => ReviewCriterionUpdateInput, { description: 'The changes.' })
    input: ReviewCriterionUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateReviewCriterion(ctx, input);
  }

  @Mutation(() => ReviewCriterionDeletePayload, {
    description:
      'Deletes a review criterion that no review has scored; otherwise refuses with IN_USE. Administrators and the programme’s coordinators.',
  })
  reviewCriterionDelete(
    @Arg('input', () => ReviewCriterionDeleteInput, { description: 'The criterion to delete.' })
    input: ReviewCriterionDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deleteReviewCriterion(ctx, input);
  }

  @FieldResolver(() => Proposal, { description: 'The proposal reviewed.' })
  proposal(@Root() review: Review, @Ctx() ctx: Context) {
    return ctx.loaders.proposal.load(review.proposalId);
  }

  @FieldResolver(() => Person, { description: 'The expert who wrote the review.' })
  reviewer(@Root() review: Review, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(review.reviewerId);
  }

  @FieldResolver(() => [ReviewScore], {
    description: 'The score given on each criterion, in the programme’s order of criteria (`position`).',
  })
  scores(@Root() review: Review, @Ctx() ctx: Context) {
    return ctx.loaders.scoresByReview.load(review.id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "The scores' mean weighted by the criteria's weights, on the criteria's scale; null without scores.",
  })
  weightedScore(@Root() review: Review, @Ctx() ctx: Context) {
    return weightedScore(ctx, review.id);
  }
}

@Resolver(() => ReviewScore)
export class ReviewScoreResolver {
  @FieldResolver(() => ReviewCriterion, { description: 'The criterion scored.' })
  criterion(@Root() score: ReviewScore, @Ctx() ctx: Context) {
    return ctx.loaders.reviewCriterion.load(score.criterionId);
  }
}

@Resolver(() => Proposal)
export class ProposalReviewsResolver {
  @FieldResolver(() => ReviewConnection, { description: "The experts' reviews of this proposal." })
  reviews(@Root() proposal: Proposal, @Args(() => ReviewListArgs) args: ReviewListArgs, @Ctx() ctx: Context) {
    return reviewsOfProposal(ctx, proposal.id, args);
  }

  @FieldResolver(() => [Person], {
    description:
      'The experts assigned to review it. Staff of its seminar see them all, an assigned reviewer only themself, anyone else none.',
  })
  reviewers(@Root() proposal: Proposal, @Ctx() ctx: Context) {
    return assignedReviewers(ctx, proposal);
  }
}
