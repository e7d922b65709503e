import {
  type Attendance as AttendanceRow,
  AttendanceStatus as AttendanceStatusEnum,
  type Feedback as FeedbackRow,
} from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../core/scalars.ts';

registerEnumType(AttendanceStatusEnum, {
  name: 'AttendanceStatus',
  description: 'Whether a participant attended a session.',
  valuesConfig: {
    PRESENT: { description: 'Attended.' },
    LATE: { description: 'Attended, arriving late.' },
    EXCUSED: { description: 'Absent with an accepted reason.' },
    ABSENT: { description: 'Absent.' },
  },
});

@ObjectType({ description: "A participant's attendance at one session." })
export class Attendance implements Partial<AttendanceRow> {
  @Field(() => AttendanceStatusEnum, { description: 'Whether they attended.' })
  status!: AttendanceStatusEnum;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field(() => Int, {
    description: 'Revision number, raised by every mark; a mark may name it to change only what it read.',
  })
  version!: number;

  sessionId!: string;
  enrollmentId!: string;
}

@ObjectType({ description: "A participant's rating of a session or of the seminar as a whole." })
export class Feedback implements Partial<FeedbackRow> {
  @Field(() => Int, { description: 'Rating from 1 (poor) to 5 (excellent).' })
  rating!: number;

  @Field(() => String, { nullable: true, description: 'What they wrote.' })
  comment!: string | null;

  @Field(() => Boolean, {
    description: 'True when given anonymously: then only its author sees it among their own feedback.',
  })
  anonymous!: boolean;

  @Field(() => DateTime, { description: 'When it was given.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'Revision number, raised by every change; edits must name the one they read.' })
  version!: number;

  id!: string;
  sessionId!: string | null;
}
