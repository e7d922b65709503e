import { type Milestone, MilestoneStatus, OutcomeLevel, type ProgressReport } from '@seminarhub/db';
import { Field, InputType } from 'type-graphql';
import {
  DateFilter,
  DateTimeFilter,
  enumFilter,
  IdFilter,
  IntFilter,
  oneOf,
  range,
  reference,
  StringFilter,
  type Translate,
  text,
  type Where,
} from '../../core/lists/filters.ts';
import { type ListSpec, listArgs } from '../../core/lists/lists.ts';
import { orderInput } from '../../core/lists/ordering.ts';
import { documentOf } from '../../core/lists/search.ts';
import { OPEN_MILESTONE, today } from './schedule.ts';

/** A filter on the proposal's seminar or programme, for follow-up rows that hang off a proposal. */
function viaProposal(translate: Translate<IdFilter>): Translate<IdFilter> {
  return (filter, path, budget) => {
    const where = translate(filter, path, budget);
    return Object.keys(where).length ? { proposal: where } : {};
  };
}
const programOfProposal: Translate<IdFilter> = (filter, path, budget) => {
  const where = reference('programId', 'Program')(filter, path, budget);
  return Object.keys(where).length ? { proposal: { seminar: where } } : {};
};
/** Overdue, or (false) not: the due date has passed and the row is still open. */
const overdue =
  (open: Where): Translate<boolean> =>
  (value) => {
    const late = { AND: [{ dueDate: { lt: today() } }, open] };
    return value ? late : { NOT: late };
  };

const MilestoneStatusFilter = enumFilter(MilestoneStatus, 'MilestoneStatus');
const OutcomeLevelFilter = enumFilter(OutcomeLevel, 'OutcomeLevel');

@InputType({ description: 'Which milestones to list; every condition given must hold.' })
export class MilestoneFilter {
  @Field(() => StringFilter, { nullable: true, description: 'The title.' })
  title?: StringFilter | null;

  @Field(() => MilestoneStatusFilter, { nullable: true, description: 'Where it stands.' })
  status?: InstanceType<typeof MilestoneStatusFilter> | null;

  @Field(() => DateFilter, { nullable: true, description: 'When it is due.' })
  dueDate?: DateFilter | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True for overdue milestones only (due date passed, still PLANNED or IN_PROGRESS), false for the rest.',
  })
  overdue?: boolean | null;

  @Field(() => IdFilter, { nullable: true, description: 'The proposal it belongs to.' })
  proposalId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The seminar its proposal came out of.' })
  seminarId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The programme of its proposal’s seminar.' })
  programId?: IdFilter | null;

  @Field(() => [MilestoneFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: MilestoneFilter[] | null;

  @Field(() => [MilestoneFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: MilestoneFilter[] | null;

  @Field(() => MilestoneFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: MilestoneFilter | null;
}

export const MilestoneOrder = orderInput('Milestone', 'milestones', {
  DUE_DATE: 'When it is due, the soonest first.',
  TITLE: 'The title, A to Z.',
  STATUS: 'The status, in the order of MilestoneStatus.',
});

export const MilestoneListArgs = listArgs(MilestoneFilter, MilestoneOrder, 'milestones');
export type MilestoneListArgs = InstanceType<typeof MilestoneListArgs>;

export const MILESTONE_LIST: ListSpec<Milestone, MilestoneFilter> = {
  filter: {
    title: text('title'),
    status: oneOf('status'),
    dueDate: range('dueDate'),
    overdue: overdue({ status: { in: OPEN_MILESTONE } }),
    proposalId: reference('proposalId', 'Proposal'),
    seminarId: viaProposal(reference('seminarId', 'Seminar')),
    programId: programOfProposal,
  },
  orders: {
    DUE_DATE: { field: 'dueDate', kind: 'date', direction: 'asc', value: (row) => row.dueDate },
    TITLE: { field: 'title', kind: 'string', direction: 'asc', value: (row) => row.title },
    STATUS: {
      field: 'status',
      kind: 'enum',
      values: Object.values(MilestoneStatus),
      direction: 'asc',
      value: (row) => row.status,
    },
  },
  defaultOrder: 'DUE_DATE',
  search: { from: '"Milestone" t', document: documentOf(['t.title', 'A'], ['t.description', 'B']) },
};

@InputType({ description: 'Which progress reports to list; every condition given must hold.' })
export class ProgressReportFilter {
  @Field(() => IntFilter, { nullable: true, description: 'Months after the seminar the report covers.' })
  monthsAfter?: IntFilter | null;

  @Field(() => DateFilter, { nullable: true, description: 'When it is due.' })
  dueDate?: DateFilter | null;

  @Field(() => Boolean, { nullable: true, description: 'True for submitted reports only, false for those still due.' })
  submitted?: boolean | null;

  @Field(() => DateTimeFilter, { nullable: true, description: 'When it was submitted.' })
  submittedAt?: DateTimeFilter | null;

  @Field(() => OutcomeLevelFilter, { nullable: true, description: 'The outcome reached.' })
  outcomeLevel?: InstanceType<typeof OutcomeLevelFilter> | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True for overdue reports only (due date passed, not submitted), false for the rest.',
  })
  overdue?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True for reports submitted and waiting for staff’s review, false for the rest.',
  })
  awaitingReview?: boolean | null;

  @Field(() => IdFilter, { nullable: true, description: 'The proposal it reports on.' })
  proposalId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The seminar its proposal came out of.' })
  seminarId?: IdFilter | null;

  @Field(() => IdFilter, { nullable: true, description: 'The programme of its proposal’s seminar.' })
  programId?: IdFilter | null;

  @Field(() => [ProgressReportFilter], { nullable: true, description: 'Every one of these filters holds.' })
  AND?: ProgressReportFilter[] | null;

  @Field(() => [ProgressReportFilter], { nullable: true, description: 'At least one of these filters holds.' })
  OR?: ProgressReportFilter[] | null;

  @Field(() => ProgressReportFilter, { nullable: true, description: 'This filter does not hold.' })
  NOT?: ProgressReportFilter | null;
}

export const ProgressReportOrder = orderInput('ProgressReport', 'progress reports', {
  DUE_DATE: 'When it is due, the soonest first.',
  MONTHS_AFTER: 'Months after the seminar, the fewest first.',
});

export const ProgressReportListArgs = listArgs(ProgressReportFilter, ProgressReportOrder, 'progress reports');
export type ProgressReportListArgs = InstanceType<typeof ProgressReportListArgs>;

export const PROGRESS_REPORT_LIST: ListSpec<ProgressReport, ProgressReportFilter> = {
  filter: {
    monthsAfter: range('monthsAfter'),
    dueDate: range('dueDate'),
    submitted: (submitted) => ({ submittedAt: submitted ? { not: null } : null }),
    submittedAt: range('submittedAt'),
    outcomeLevel: oneOf('outcomeLevel'),
    overdue: overdue({ submittedAt: null }),
    awaitingReview: (value) => {
      const waiting = { submittedAt: { not: null }, reviewOutcome: null };
      return value ? waiting : { NOT: waiting };
    },
    proposalId: reference('proposalId', 'Proposal'),
    seminarId: viaProposal(reference('seminarId', 'Seminar')),
    programId: programOfProposal,
  },
  orders: {
    DUE_DATE: { field: 'dueDate', kind: 'date', direction: 'asc', value: (row) => row.dueDate },
    MONTHS_AFTER: { field: 'monthsAfter', kind: 'number', direction: 'asc', value: (row) => row.monthsAfter },
  },
  defaultOrder: 'DUE_DATE',
  search: { from: '"ProgressReport" t', document: documentOf(['t.summary', 'A']) },
};
