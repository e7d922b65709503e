import { ReviewRecommendation as ReviewRecommendationEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Review } from './types.ts';

@InputType({ description: 'An expert to review a proposal.' })
export class ReviewAssignInput {
  @Field(() => ID, { description: 'The proposal.' })
  proposalId!: string;

  @Field(() => ID, { description: 'The reviewer: a person with a REVIEWER account.' })
  reviewerId!: string;
}

@ObjectType({ description: 'The result of assigning a reviewer.' })
export class ReviewAssignPayload {
  @Field(() => Boolean, { description: 'True when the reviewer is assigned (also when they already were).' })
  assigned!: boolean;

  @Field(() => [UserError], { description: 'Why the reviewer was not assigned; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'The score on one of the programme’s criteria.' })
export class ReviewScoreInput {
  @Field(() => ID, { description: 'The criterion.' })
  criterionId!: string;

  @Field(() => Int, { description: "The score, within the criterion's range." })
  score!: number;
}

@InputType({
  description: "A reviewer's review of a proposal under review: a score on every criterion and a recommendation.",
})
export class ReviewSubmitInput {
  @Field(() => ID, { description: 'The proposal, which must be UNDER_REVIEW and assigned to you.' })
  proposalId!: string;

  @Field(() => ReviewRecommendationEnum, { description: 'What you recommend.' })
  recommendation!: ReviewRecommendationEnum;

  @Field(() => [ReviewScoreInput], { description: "One score for each of the programme's criteria." })
  scores!: ReviewScoreInput[];

  @Field(() => String, { nullable: true, description: 'For the other reviewers and staff, up to 5,000 characters.' })
  comment?: string | null;

  @Field(() => String, { nullable: true, description: "For the proposal's team, up to 5,000 characters." })
  commentToAuthors?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when you have a conflict of interest to declare.' })
  conflictDeclared?: boolean | null;
}

@ObjectType({ description: 'The result of submitting a review.' })
export class ReviewSubmitPayload {
  @Field(() => Review, { nullable: true, description: 'The review, as saved.' })
  review!: Review | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}
