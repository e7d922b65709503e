import {
  type Milestone as MilestoneRow,
  MilestoneStatus as MilestoneStatusEnum,
  OutcomeLevel as OutcomeLevelEnum,
  type ProgressReport as ProgressReportRow,
  ProgressReportReviewOutcome as ReviewOutcomeEnum,
} from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime, LocalDate } from '../../core/scalars.ts';

registerEnumType(MilestoneStatusEnum, {
  name: 'MilestoneStatus',
  description: 'Where a milestone stands: PLANNED, then IN_PROGRESS, and finally DONE or MISSED.',
  valuesConfig: {
    PLANNED: { description: 'Not started yet.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    DONE: { description: 'Reached.' },
    MISSED: { description: 'Not reached by its due date, or given up.' },
  },
});

registerEnumType(OutcomeLevelEnum, {
  name: 'OutcomeLevel',
  description: 'How far a proposal’s results have taken root at home, as a progress report judges it.',
  valuesConfig: {
    NONE: { description: 'No outcome yet.' },
    APPLIED: { description: 'Put into practice by the implementing organization.' },
    INSTITUTIONALISED: { description: 'Built into the organization’s rules, budget or routine.' },
    SCALED: { description: 'Taken up beyond the organization, by others or nationwide.' },
  },
});

registerEnumType(ReviewOutcomeEnum, {
  name: 'ProgressReportReviewOutcome',
  description: 'What staff made of a submitted progress report.',
  valuesConfig: {
    ACCEPTED: { description: 'Accepted as it stands; the report is closed.' },
    RETURNED: { description: 'Sent back to the team, unsubmitted, to be completed and submitted again.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    'A step in carrying out a proposal selected for support, with its due date. Seen by those who may read the proposal’s details.',
})
export class Milestone extends Node implements Partial<MilestoneRow> {
  @Field(() => String, { description: 'What is to be reached.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'How, or what counts as reaching it.' })
  description!: string | null;

  @Field(() => LocalDate, { description: 'When it is due.' })
  dueDate!: Date;

  @Field(() => MilestoneStatusEnum, { description: 'Where it stands; changed only by the milestone step mutations.' })
  status!: MilestoneStatusEnum;

  @Field(() => DateTime, { nullable: true, description: 'When it was marked DONE.' })
  completedAt!: Date | null;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was planned.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  proposalId!: string;
}

@ObjectType({
  implements: Node,
  description:
    'A follow-up report on a proposal in implementation, due some months after the seminar (typically 3, 6 and 12). Scheduled by staff, filled in and submitted by the team. Seen by those who may read the proposal’s details.',
})
export class ProgressReport extends Node implements Partial<ProgressReportRow> {
  @Field(() => Int, { description: 'Months after the seminar that the report covers, 1 to 60.' })
  monthsAfter!: number;

  @Field(() => LocalDate, { description: 'When it is due.' })
  dueDate!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was submitted; after that it no longer changes.' })
  submittedAt!: Date | null;

  @Field(() => Int, { description: 'How much of the proposal is carried out, 0 to 100 percent.' })
  percentComplete!: number;

  @Field(() => OutcomeLevelEnum, { description: 'How far its results have taken root.' })
  outcomeLevel!: OutcomeLevelEnum;

  @Field(() => String, { nullable: true, description: 'What was done and what came of it.' })
  summary!: string | null;

  @Field(() => ReviewOutcomeEnum, {
    nullable: true,
    description:
      'Staff’s review of the last submission: ACCEPTED, or RETURNED to the team; null while none is reviewed. Cleared when the team submits again.',
  })
  reviewOutcome!: ReviewOutcomeEnum | null;

  @Field(() => String, { nullable: true, description: 'What staff said in their review.' })
  reviewNote!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When staff reviewed it.' })
  reviewedAt!: Date | null;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was scheduled.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When it was last changed.' })
  updatedAt!: Date;

  proposalId!: string;
  milestoneId!: string | null;
}

export const MilestoneConnection = connectionType(Milestone, 'Milestone', 'milestones');
export const ProgressReportConnection = connectionType(ProgressReport, 'ProgressReport', 'progress reports');
