import type { Program as ProgramRow, ReviewCriterion as ReviewCriterionRow } from '@seminarhub/db';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

@ObjectType({
  implements: Node,
  description:
    'A capacity-building programme run by an agency (KOICA CIAT, say): it holds seminars, one per cohort, and the criteria its proposals are reviewed on.',
})
export class Program extends Node implements Partial<ProgramRow> {
  @Field(() => String, { description: 'Short stable code, unique across programmes ("KOICA-CIAT").' })
  code!: string;

  @Field(() => String, { description: 'Title of the programme.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Aims and scope of the programme.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Sector it serves ("Digital government").' })
  sector!: string | null;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When the programme was recorded.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  funderId!: string;
  implementerId!: string;
}

@ObjectType({
  implements: Node,
  description: "One criterion of a programme's proposal reviews, with its weight in the overall score.",
})
export class ReviewCriterion extends Node implements Partial<ReviewCriterionRow> {
  @Field(() => String, { description: 'Name of the criterion ("Feasibility").' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What reviewers should judge under this criterion.' })
  description!: string | null;

  @Field(() => Float, { description: 'Relative weight in the weighted overall score of a review.' })
  weight!: number;

  @Field(() => Int, { description: 'Lowest score a reviewer may give.' })
  minScore!: number;

  @Field(() => Int, { description: 'Highest score a reviewer may give.' })
  maxScore!: number;

  @Field(() => Int, { description: 'Order in which the criterion is listed.' })
  position!: number;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When the criterion was recorded.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  programId!: string;
}

export const ProgramConnection = connectionType(Program, 'Program', 'programmes');
