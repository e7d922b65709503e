import { ReviewRecommendation as ReviewRecommendationEnum } from '@seminarhub/db';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { ReviewCriterion } from '../programs/types.ts';
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

@InputType({
  description: 'Changes to your review while the proposal is still UNDER_REVIEW; fields left out keep their value.',
})
export class ReviewUpdateInput {
  @Field(() => ID, { description: 'The review.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one in the database is a CONFLICT.' })
  version!: number;

  @Field(() => ReviewRecommendationEnum, { nullable: true, description: 'What you recommend.' })
  recommendation?: ReviewRecommendationEnum | null;

  @Field(() => [ReviewScoreInput], {
    nullable: true,
    description: "New scores, replacing all of them: one for each of the programme's criteria.",
  })
  scores?: ReviewScoreInput[] | null;

  @Field(() => String, { nullable: true, description: 'For the other reviewers and staff, up to 5,000 characters.' })
  comment?: string | null;

  @Field(() => String, { nullable: true, description: "For the proposal's team, up to 5,000 characters." })
  commentToAuthors?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when you have a conflict of interest to declare.' })
  conflictDeclared?: boolean | null;
}

@InputType({ description: 'The reviewer to take off a proposal.' })
export class ReviewUnassignInput {
  @Field(() => ID, { description: 'The proposal.' })
  proposalId!: string;

  @Field(() => ID, { description: 'The reviewer (a Person ID).' })
  reviewerId!: string;
}

@ObjectType({ description: 'The result of taking a reviewer off a proposal.' })
export class ReviewUnassignPayload {
  @Field(() => Boolean, { description: 'True when the reviewer is no longer assigned (also when they were not).' })
  unassigned!: boolean;

  @Field(() => [UserError], { description: 'Why the reviewer stays assigned; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of submitting a review.' })
export class ReviewSubmitPayload {
  @Field(() => Review, { nullable: true, description: 'The review, as saved.' })
  review!: Review | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A new criterion for the reviews of a programme’s proposals.' })
export class ReviewCriterionCreateInput {
  @Field(() => ID, { description: 'The programme whose proposals are reviewed on it.' })
  programId!: string;

  @Field(() => String, { description: 'Name, 1 to 100 characters, unique within the programme ("Feasibility").' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What reviewers should judge under it, up to 2,000 characters.',
  })
  description?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Relative weight in the weighted overall score, above 0 and at most 100; 1 when left out.',
  })
  weight?: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest score, a whole number from 0 to 100; 1 when left out.' })
  minScore?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Highest score, a whole number from 0 to 100 above `minScore`; 5 when left out.',
  })
  maxScore?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Order in the list, 0 to 1,000; after the programme’s other criteria when left out.',
  })
  position?: number | null;
}

@InputType({
  description:
    'Changes to a review criterion; fields left out keep their value. Once a review scores it, its score range is fixed; a new weight re-weights the overall score of every review, past ones included.',
})
export class ReviewCriterionUpdateInput {
  @Field(() => ID, { description: 'The criterion’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one in the database is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Name, 1 to 100 characters, unique within the programme.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'What reviewers should judge under it; null clears it.' })
  description?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Relative weight, above 0 and at most 100. Allowed after reviews scored the criterion: their weighted scores are recomputed with it.',
  })
  weight?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Lowest score, 0 to 100, below `maxScore`; refused once a review has scored the criterion.',
  })
  minScore?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Highest score, 0 to 100, above `minScore`; refused once a review has scored the criterion.',
  })
  maxScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Order in the list, 0 to 1,000.' })
  position?: number | null;
}

@InputType({ description: 'The review criterion to delete.' })
export class ReviewCriterionDeleteInput {
  @Field(() => ID, { description: 'The criterion’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of creating or changing a review criterion.' })
export class ReviewCriterionPayload {
  @Field(() => ReviewCriterion, { nullable: true, description: 'The criterion, as saved.' })
  reviewCriterion!: ReviewCriterion | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting a review criterion.' })
export class ReviewCriterionDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the criterion deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
