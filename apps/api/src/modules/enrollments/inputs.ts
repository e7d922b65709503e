import { EnrollmentRole as EnrollmentRoleEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Enrollment } from './types.ts';

@InputType({ description: 'An application to a seminar, by the person or nominated by staff.' })
export class EnrollmentApplyInput {
  @Field(() => ID, { description: 'The seminar, which must be PUBLISHED.' })
  seminarId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Who applies; left out, the signed-in person. Only staff may apply for someone else.',
  })
  personId?: string | null;

  @Field(() => EnrollmentRoleEnum, { nullable: true, description: 'The part they take; PARTICIPANT when left out.' })
  role?: EnrollmentRoleEnum | null;

  @Field(() => ID, { nullable: true, description: 'The home organization that nominates them.' })
  organizationId?: string | null;
}

@InputType({ description: 'The enrollment to move to its next status.' })
export class EnrollmentTransitionInput {
  @Field(() => ID, { description: 'The enrollment’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;
}

@InputType({
  description: 'Changes to an enrollment’s terms; fields left out keep their value, null clears the organization.',
})
export class EnrollmentUpdateInput {
  @Field(() => ID, { description: 'The enrollment’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;

  @Field(() => EnrollmentRoleEnum, { nullable: true, description: 'The part the person takes.' })
  role?: EnrollmentRoleEnum | null;

  @Field(() => ID, { nullable: true, description: 'The home organization that nominates them; null for none.' })
  organizationId?: string | null;
}

@ObjectType({ description: 'The result of an enrollment step.' })
export class EnrollmentPayload {
  @Field(() => Enrollment, { nullable: true, description: 'The enrollment, as saved.' })
  enrollment!: Enrollment | null;

  @Field(() => Enrollment, {
    nullable: true,
    description: 'When this step freed a place: the enrollment first on the waiting list, now ACCEPTED.',
  })
  promoted!: Enrollment | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}
