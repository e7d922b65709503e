import { type Review, ReviewRecommendation } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import { DateTimeFilter, enumFilter, flag, IdFilter, oneOf, range, reference } from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';

const ReviewRecommendationFilter = enumFilter(ReviewRecommendation, 'ReviewRecommendation');

@InputType({ description: 'Which reviews to list; every condition given must hold.' })
export class ReviewFilter {
  @Field(() => IdFilter, { nullable: true, description: 'The reviewer (a Person ID).' })
  reviewerId?: IdFilter | null;

  @Field(() => ReviewRecommendationFilter, { nullable: true, description: 'What the reviewer recommends.' })
  recommendation?: InstanceType<typeof ReviewRecommendationFilter> | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the reviewer declared a conflict of interest.' })
  conflictDeclared?: boolean | null;

  @Field(() => DateTimeFilter, { nullable: true, description: 'When it was handed in.' })
  submittedAt?: DateTimeFilter | null;

  @Field(() => [ReviewFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: ReviewFilter[] | null;

  @Field(() => [ReviewFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: ReviewFilter[] | null;

  @Field(() => ReviewFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: ReviewFilter | null;
}

export const ReviewOrder = orderInput('Review', 'reviews', {
  CREATED_AT: 'When it was started, the earliest first.',
  RECOMMENDATION: 'The recommendation, in the order of ReviewRecommendation (SELECT first).',
  UPDATED_AT: 'When it last changed, the latest first.',
});

export const ReviewListArgs = listArgs(ReviewFilter, ReviewOrder, 'reviews');
export type ReviewListArgs = InstanceType<typeof ReviewListArgs>;

export const REVIEW_LIST: ListSpec<Review, ReviewFilter> = {
  filter: {
    reviewerId: reference('reviewerId', 'Person'),
    recommendation: oneOf('recommendation'),
    conflictDeclared: flag('conflictDeclared'),
    submittedAt: range('submittedAt'),
  },
  orders: {
    CREATED_AT: { field: 'createdAt', kind: 'date', direction: 'asc', value: (row) => row.createdAt },
    RECOMMENDATION: {
      field: 'recommendation',
      kind: 'enum',
      values: Object.values(ReviewRecommendation),
      direction: 'asc',
      value: (row) => row.recommendation,
    },
    UPDATED_AT: { field: 'updatedAt', kind: 'date', direction: 'desc', value: (row) => row.updatedAt },
  },
  defaultOrder: 'CREATED_AT',
  search: {
    // Reviews are found by their reviewer's name and their comments; only readers of the review see it.
    from: '"Review" t JOIN "Person" p ON p.id = t."reviewerId"',
    document: documentOf(
      ['p."givenName"', 'A'],
      ['p."familyName"', 'A'],
      ['t."commentToAuthors"', 'B'],
      ['t.comment', 'B'],
    ),
  },
};
