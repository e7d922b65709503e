import { SessionKind as SessionKindEnum, SpeakerRole as SpeakerRoleEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../core/scalars.ts';
import { UserError } from '../../core/user-errors.ts';
import { Session } from './types.ts';

@InputType({ description: 'A person on a session, with their part and place in the list.' })
export class SessionSpeakerInput {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => SpeakerRoleEnum, { nullable: true, description: 'Their part; SPEAKER when left out.' })
  role?: SpeakerRoleEnum | null;
}

@InputType({ description: 'A new agenda item of a seminar.' })
export class SessionCreateInput {
  @Field(() => ID, { description: 'The seminar.' })
  seminarId!: string;

  @Field(() => SessionKindEnum, { description: 'What kind of item it is.' })
  kind!: SessionKindEnum;

  @Field(() => String, { description: 'Title, 1 to 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it covers, up to 10,000 characters.' })
  description?: string | null;

  @Field(() => DateTime, {
    description: 'When it starts, as ISO 8601 with an offset; within the seminar’s dates in its time zone.',
  })
  startsAt!: Date;

  @Field(() => DateTime, { description: 'When it ends; after the start, at most 24 hours later.' })
  endsAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Where it is held.' })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization hosting it.' })
  hostOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Language (BCP 47, "en", "ko"), up to 35 characters.' })
  language?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether attendance counts towards completion; true when left out.',
  })
  attendanceRequired?: boolean | null;

  @Field(() => [SessionSpeakerInput], {
    nullable: true,
    description: 'Its speakers, presenters and hosts in agenda order; at most 20. None when left out.',
  })
  speakers?: SessionSpeakerInput[] | null;
}

@InputType({ description: 'Changes to an agenda item; fields left out keep their value.' })
export class SessionUpdateInput {
  @Field(() => ID, { description: 'The session’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one in the database is a CONFLICT.' })
  version!: number;

  @Field(() => SessionKindEnum, { nullable: true, description: 'What kind of item it is.' })
  kind?: SessionKindEnum | null;

  @Field(() => String, { nullable: true, description: 'Title, 1 to 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'What it covers; null clears it.' })
  description?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When it starts.' })
  startsAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When it ends.' })
  endsAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Where it is held; null for nowhere yet.' })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization hosting it; null for none.' })
  hostOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Language; null clears it.' })
  language?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether attendance counts towards completion.' })
  attendanceRequired?: boolean | null;

  @Field(() => [SessionSpeakerInput], { nullable: true, description: 'Replaces the speakers when given; at most 20.' })
  speakers?: SessionSpeakerInput[] | null;
}

@InputType({ description: 'The agenda item to delete.' })
export class SessionDeleteInput {
  @Field(() => ID, { description: 'The session’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of creating or changing an agenda item.' })
export class SessionPayload {
  @Field(() => Session, { nullable: true, description: 'The session, as saved.' })
  session!: Session | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting an agenda item.' })
export class SessionDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the session deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
