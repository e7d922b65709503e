import { AttendanceStatus as AttendanceStatusEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Attendance, Feedback } from './types.ts';

@InputType({ description: "One participant's attendance at the session." })
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'The participant’s enrollment in the seminar.' })
  enrollmentId!: string;

  @Field(() => AttendanceStatusEnum, { description: 'Whether they attended.' })
  status!: AttendanceStatusEnum;

  @Field(() => Int, {
    nullable: true,
    description:
      'The `version` of the record you read, or 0 when you saw none: the mark is then refused with CONFLICT if someone marked it since. Left out, the mark replaces whatever is there (a check-in desk).',
  })
  version?: number | null;
}

@InputType({ description: 'Attendance at one session for many participants, recorded all or nothing.' })
export class AttendanceMarkInput {
  @Field(() => ID, { description: 'The session.' })
  sessionId!: string;

  @Field(() => [AttendanceEntryInput], {
    description: 'One entry per participant, 1 to 200; a later mark replaces an earlier one.',
  })
  entries!: AttendanceEntryInput[];
}

@ObjectType({ description: 'The result of recording attendance.' })
export class AttendanceMarkPayload {
  @Field(() => [Attendance], { description: 'The attendance recorded, in the order given; empty when refused.' })
  attendance!: Attendance[];

  @Field(() => [UserError], { description: 'Why nothing was recorded; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: "A participant's rating of a session, or of the seminar when no session is named." })
export class FeedbackGiveInput {
  @Field(() => ID, { description: 'The seminar.' })
  seminarId!: string;

  @Field(() => ID, { nullable: true, description: 'The session rated; left out to rate the seminar as a whole.' })
  sessionId?: string | null;

  @Field(() => Int, { description: 'From 1 (poor) to 5 (excellent).' })
  rating!: number;

  @Field(() => String, { nullable: true, description: 'What to keep or change, up to 2,000 characters.' })
  comment?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True hides the author from everyone but themself.' })
  anonymous?: boolean | null;
}

@ObjectType({ description: 'The result of giving or changing feedback.' })
export class FeedbackGivePayload {
  @Field(() => Feedback, { nullable: true, description: 'The feedback, as saved.' })
  feedback!: Feedback | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Changes to your own feedback; fields left out keep their value, null clears the comment.' })
export class FeedbackUpdateInput {
  @Field(() => ID, { description: 'The feedback’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;

  @Field(() => Int, { nullable: true, description: 'From 1 (poor) to 5 (excellent).' })
  rating?: number | null;

  @Field(() => String, { nullable: true, description: 'What to keep or change, up to 2,000 characters.' })
  comment?: string | null;
}

@InputType({ description: 'The feedback to delete.' })
export class FeedbackDeleteInput {
  @Field(() => ID, { description: 'The feedback’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of deleting feedback.' })
export class FeedbackDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the feedback deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
