import { DeliveryMode as DeliveryModeEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/scalars.ts';
import { UserError } from '../../core/user-errors.ts';
import { Seminar } from './types.ts';

@InputType({ description: 'A new seminar: a cohort of a programme. It starts as DRAFT.' })
export class SeminarCreateInput {
  @Field(() => ID, { description: 'The programme it belongs to.' })
  programId!: string;

  @Field(() => String, { description: 'Title, 1 to 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Short code of the cohort, up to 50 characters.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Aims of the seminar, up to 10,000 characters.' })
  description?: string | null;

  @Field(() => LocalDate, { description: 'First day.' })
  startDate!: Date;

  @Field(() => LocalDate, { description: 'Last day; not before the first.' })
  endDate!: Date;

  @Field(() => String, { description: 'IANA time zone the agenda is held in ("Asia/Seoul").' })
  timezone!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the host country, in capitals.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'Main venue, up to 300 characters.' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'City or cities, up to 200 characters.' })
  city?: string | null;

  @Field(() => DeliveryModeEnum, { nullable: true, description: 'How it is delivered; IN_PERSON when left out.' })
  deliveryMode?: DeliveryModeEnum | null;

  @Field(() => Int, { nullable: true, description: 'How many participants it takes, 1 to 10,000; null for no limit.' })
  capacity?: number | null;

  @Field(() => ID, { nullable: true, description: 'The partner ministry or agency whose staff take part.' })
  partnerId?: string | null;
}

@InputType({
  description:
    'Changes to a seminar; fields left out keep their value. Its status changes only through the transition mutations.',
})
export class SeminarUpdateInput {
  @Field(() => ID, { description: 'The seminar’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one in the database is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Title, 1 to 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Short code of the cohort; null clears it.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Aims of the seminar; null clears them.' })
  description?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day; every session must still fall within the dates.' })
  startDate?: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day; every session must still fall within the dates.' })
  endDate?: Date | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone.' })
  timezone?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, in capitals.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Main venue; null clears it.' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'City or cities; null clears them.' })
  city?: string | null;

  @Field(() => DeliveryModeEnum, { nullable: true, description: 'How it is delivered.' })
  deliveryMode?: DeliveryModeEnum | null;

  @Field(() => Int, { nullable: true, description: 'How many participants it takes; null for no limit.' })
  capacity?: number | null;
}

@InputType({ description: 'The seminar to move to its next status.' })
export class SeminarTransitionInput {
  @Field(() => ID, { description: 'The seminar’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of creating, changing or moving a seminar.' })
export class SeminarPayload {
  @Field(() => Seminar, { nullable: true, description: 'The seminar, as saved.' })
  seminar!: Seminar | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'The seminar to delete: a DRAFT with no history.' })
export class SeminarDeleteInput {
  @Field(() => ID, { description: 'The seminar’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of deleting a seminar.' })
export class SeminarDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the seminar deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
