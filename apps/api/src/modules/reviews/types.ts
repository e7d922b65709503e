import {
  ReviewRecommendation as ReviewRecommendationEnum,
  type Review as ReviewRow,
  type ReviewScore as ReviewScoreRow,
} from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

registerEnumType(ReviewRecommendationEnum, {
  name: 'ReviewRecommendation',
  description: "A reviewer's recommendation on a proposal.",
  valuesConfig: {
    SELECT: { description: 'Select it for support.' },
    COMMEND: { description: 'Commend it.' },
    REVISE: { description: 'Ask the team to revise it.' },
    DECLINE: { description: 'Do not take it further.' },
  },
});

@ObjectType({
  implements: Node,
  description: "An expert's review of a proposal: a score per criterion of the programme and a recommendation.",
})
export class Review extends Node implements Partial<ReviewRow> {
  @Field(() => ReviewRecommendationEnum, { description: 'What the reviewer recommends.' })
  recommendation!: ReviewRecommendationEnum;

  @Field(() => String, { nullable: true, description: 'Comment for the other reviewers and staff.' })
  comment!: string | null;

  @Field(() => String, { nullable: true, description: "Comment shared with the proposal's team." })
  commentToAuthors!: string | null;

  @Field(() => Boolean, { description: 'True when the reviewer declared a conflict of interest.' })
  conflictDeclared!: boolean;

  @Field(() => DateTime, { nullable: true, description: 'When the review was handed in; null while a draft.' })
  submittedAt!: Date | null;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  proposalId!: string;
  reviewerId!: string;
}

@ObjectType({ description: 'The score a review gives on one criterion.' })
export class ReviewScore implements Partial<ReviewScoreRow> {
  @Field(() => Int, { description: "The score, within the criterion's range." })
  score!: number;

  criterionId!: string;
}

export const ReviewConnection = connectionType(Review, 'Review', 'reviews');
