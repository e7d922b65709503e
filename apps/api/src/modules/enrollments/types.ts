import {
  EnrollmentRole as EnrollmentRoleEnum,
  type Enrollment as EnrollmentRow,
  EnrollmentStatus as EnrollmentStatusEnum,
} from '@seminarhub/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';

registerEnumType(EnrollmentRoleEnum, {
  name: 'EnrollmentRole',
  description: 'The part a person takes in a seminar.',
  valuesConfig: {
    PARTICIPANT: { description: 'A trainee.' },
    TEAM_LEAD: { description: 'A trainee who leads the delegation or a proposal team.' },
    OBSERVER: { description: 'Attends without being trained or certified.' },
  },
});

registerEnumType(EnrollmentStatusEnum, {
  name: 'EnrollmentStatus',
  description:
    'Where an enrollment stands: APPLIED, then ACCEPTED, WAITLISTED or REJECTED; ACCEPTED to CONFIRMED; CONFIRMED to COMPLETED, WITHDRAWN or NO_SHOW.',
  valuesConfig: {
    APPLIED: { description: 'Applied or nominated; not yet decided.' },
    ACCEPTED: { description: 'Offered a place.' },
    WAITLISTED: { description: 'On the waiting list for a freed place.' },
    REJECTED: { description: 'Not offered a place.' },
    CONFIRMED: { description: 'Took the place.' },
    COMPLETED: { description: 'Finished the seminar.' },
    WITHDRAWN: { description: 'Gave the place up.' },
    NO_SHOW: { description: 'Confirmed but did not come.' },
  },
});

@ObjectType({ implements: Node, description: 'A person taking part in a seminar, and where their place stands.' })
export class Enrollment extends Node implements Partial<EnrollmentRow> {
  @Field(() => EnrollmentRoleEnum, { description: 'The part the person takes.' })
  role!: EnrollmentRoleEnum;

  @Field(() => EnrollmentStatusEnum, { description: 'Where the enrollment stands.' })
  status!: EnrollmentStatusEnum;

  @Field(() => Int, { nullable: true, description: 'Place on the waiting list while WAITLISTED, 1 first.' })
  waitlistPosition!: number | null;

  @Field(() => DateTime, { description: 'When the person applied or was nominated.' })
  appliedAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When the application was last decided.' })
  decidedAt!: Date | null;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  seminarId!: string;
  personId!: string;
  organizationId!: string | null;
}

export const EnrollmentConnection = connectionType(Enrollment, 'Enrollment', 'enrollments');
