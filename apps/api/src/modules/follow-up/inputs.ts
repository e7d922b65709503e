import { OutcomeLevel as OutcomeLevelEnum, ProgressReportReviewOutcome as ReviewOutcomeEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/scalars.ts';
import { UserError } from '../../core/user-errors.ts';
import { Milestone, ProgressReport } from './types.ts';

@InputType({ description: 'A new milestone of a proposal SELECTED_FOR_SUPPORT or IN_IMPLEMENTATION, PLANNED.' })
export class MilestoneCreateInput {
  @Field(() => ID, { description: 'The proposal.' })
  proposalId!: string;

  @Field(() => String, { description: 'What is to be reached, 1 to 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'How, or what counts as reaching it; up to 5,000 characters.' })
  description?: string | null;

  @Field(() => LocalDate, { description: 'When it is due.' })
  dueDate!: Date;
}

@InputType({ description: 'Changes to a milestone; fields left out keep their value, null clears the description.' })
export class MilestoneUpdateInput {
  @Field(() => ID, { description: 'The milestone’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'What is to be reached, 1 to 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'How, or what counts as reaching it; null clears it.' })
  description?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it is due.' })
  dueDate?: Date | null;
}

@InputType({ description: 'The milestone to delete, or to move to its next status.' })
export class MilestoneRefInput {
  @Field(() => ID, { description: 'The milestone’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;
}

@ObjectType({ description: 'The result of planning, changing or moving a milestone.' })
export class MilestonePayload {
  @Field(() => Milestone, { nullable: true, description: 'The milestone, as saved.' })
  milestone!: Milestone | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting a milestone.' })
export class MilestoneDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the milestone deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A progress report to expect from the team of a proposal IN_IMPLEMENTATION or COMPLETED.' })
export class ProgressReportCreateInput {
  @Field(() => ID, { description: 'The proposal.' })
  proposalId!: string;

  @Field(() => Int, { description: 'Months after the seminar it covers, 1 to 60; one report per proposal and month.' })
  monthsAfter!: number;

  @Field(() => LocalDate, { description: 'When it is due.' })
  dueDate!: Date;
}

@InputType({ description: 'What the team reports, before submitting; fields left out keep their value.' })
export class ProgressReportUpdateInput {
  @Field(() => ID, { description: 'The progress report’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;

  @Field(() => Int, { nullable: true, description: 'How much is carried out, 0 to 100 percent.' })
  percentComplete?: number | null;

  @Field(() => OutcomeLevelEnum, { nullable: true, description: 'How far the results have taken root.' })
  outcomeLevel?: OutcomeLevelEnum | null;

  @Field(() => String, {
    nullable: true,
    description: 'What was done and what came of it, up to 10,000 characters; null clears it.',
  })
  summary?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The milestone of the same proposal that the report is about; null for none.',
  })
  milestoneId?: string | null;
}

@InputType({ description: 'The progress report to submit or delete.' })
export class ProgressReportRefInput {
  @Field(() => ID, { description: 'The progress report’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;
}

@InputType({ description: 'Staff’s review of a submitted progress report.' })
export class ProgressReportReviewInput {
  @Field(() => ID, { description: 'The progress report’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;

  @Field(() => ReviewOutcomeEnum, { description: 'ACCEPTED closes the report; RETURNED sends it back to the team.' })
  outcome!: ReviewOutcomeEnum;

  @Field(() => String, {
    nullable: true,
    description: 'What the team should know, up to 2,000 characters; required when RETURNED.',
  })
  note?: string | null;
}

@ObjectType({ description: 'The result of scheduling, filling in, submitting or reviewing a progress report.' })
export class ProgressReportPayload {
  @Field(() => ProgressReport, { nullable: true, description: 'The progress report, as saved.' })
  progressReport!: ProgressReport | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting a progress report.' })
export class ProgressReportDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the progress report deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
