import { EnrollmentRole as EnrollmentRoleEnum } from '@seminarhub/db';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Enrollment } from './types.ts';

/** The most rows one bulk call takes: a large cohort; clients send more in several calls. */
export const MAX_BULK_ROWS = 100;

/** A step of the enrollment life cycle, as the bulk mutation names it; one per single mutation. */
export enum EnrollmentStep {
  ACCEPT = 'accept',
  WAITLIST = 'waitlist',
  REJECT = 'reject',
  CONFIRM = 'confirm',
  COMPLETE = 'complete',
  MARK_NO_SHOW = 'markNoShow',
  WITHDRAW = 'withdraw',
}

registerEnumType(EnrollmentStep, {
  name: 'EnrollmentStep',
  description: 'A step of the enrollment life cycle; each does what the single mutation of that name does.',
  valuesConfig: {
    ACCEPT: { description: 'As `enrollmentAccept`: APPLIED or WAITLISTED to ACCEPTED, within the capacity. Staff.' },
    WAITLIST: { description: 'As `enrollmentWaitlist`: APPLIED to WAITLISTED, at the end of the list. Staff.' },
    REJECT: { description: 'As `enrollmentReject`: APPLIED or WAITLISTED to REJECTED. Staff.' },
    CONFIRM: { description: 'As `enrollmentConfirm`: ACCEPTED to CONFIRMED. The person or staff.' },
    COMPLETE: { description: 'As `enrollmentComplete`: CONFIRMED to COMPLETED. Staff.' },
    MARK_NO_SHOW: { description: 'As `enrollmentMarkNoShow`: CONFIRMED to NO_SHOW. Staff.' },
    WITHDRAW: { description: 'As `enrollmentWithdraw`: any open status to WITHDRAWN. The person or staff.' },
  },
});

@InputType({ description: 'One step for many enrollments at once.' })
export class EnrollmentsTransitionInput {
  @Field(() => [ID], {
    description: `The enrollments, 1 to ${MAX_BULK_ROWS}, each at most once; they take the step in this order, so when places run out the first ones get them.`,
  })
  ids!: string[];

  @Field(() => EnrollmentStep, { description: 'The step every enrollment takes.' })
  step!: EnrollmentStep;
}

@ObjectType({ description: 'What one enrollment of a bulk step came to.' })
export class EnrollmentsTransitionResult {
  @Field(() => ID, { description: 'The enrollment’s ID, as sent.' })
  id!: string;

  @Field(() => Enrollment, { nullable: true, description: 'The enrollment after the step; null when it was refused.' })
  enrollment!: Enrollment | null;

  @Field(() => Enrollment, {
    nullable: true,
    description: 'When this step freed a place: the enrollment first on the waiting list, now ACCEPTED.',
  })
  promoted!: Enrollment | null;

  @Field(() => [UserError], {
    description: 'Why this enrollment did not take the step (it is then unchanged); empty on success.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of a bulk enrollment step: one result per enrollment, in the order sent.' })
export class EnrollmentsTransitionPayload {
  @Field(() => [EnrollmentsTransitionResult], {
    description: 'One per enrollment sent, in order; empty when the input as a whole was refused.',
  })
  results!: EnrollmentsTransitionResult[];

  @Field(() => [UserError], {
    description: 'Why the input as a whole was refused (no enrollment changed); per-row refusals are in `results`.',
  })
  userErrors!: UserError[];
}

@InputType({ description: 'One person to enroll, with the terms of their enrollment.' })
export class EnrollmentsApplyPerson {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => EnrollmentRoleEnum, { nullable: true, description: 'The part they take; PARTICIPANT when left out.' })
  role?: EnrollmentRoleEnum | null;

  @Field(() => ID, { nullable: true, description: 'The home organization that nominates them.' })
  organizationId?: string | null;
}

@InputType({ description: 'Many people nominated to one seminar by staff.' })
export class EnrollmentsApplyInput {
  @Field(() => ID, { description: 'The seminar, DRAFT or PUBLISHED.' })
  seminarId!: string;

  @Field(() => [EnrollmentsApplyPerson], {
    description: `The people, 1 to ${MAX_BULK_ROWS}, each at most once.`,
  })
  people!: EnrollmentsApplyPerson[];
}

@ObjectType({ description: 'What one person of a bulk enrollment came to.' })
export class EnrollmentsApplyResult {
  @Field(() => ID, { description: 'The person’s ID, as sent.' })
  personId!: string;

  @Field(() => Enrollment, { nullable: true, description: 'The new enrollment, APPLIED; null when it was refused.' })
  enrollment!: Enrollment | null;

  @Field(() => [UserError], {
    description: 'Why this person was not enrolled (already enrolled: CONFLICT); empty on success.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of a bulk enrollment: one result per person, in the order sent.' })
export class EnrollmentsApplyPayload {
  @Field(() => [EnrollmentsApplyResult], {
    description: 'One per person sent, in order; empty when the input as a whole was refused.',
  })
  results!: EnrollmentsApplyResult[];

  @Field(() => [UserError], {
    description: 'Why the input as a whole was refused (nobody was enrolled); per-person refusals are in `results`.',
  })
  userErrors!: UserError[];
}
