import { Sex as SexEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Person } from './types.ts';

@InputType({
  description: 'The fields of a person; on update, fields left out keep their value and null clears optional ones.',
})
export class PersonFieldsInput {
  @Field(() => String, { nullable: true, description: 'Job title, up to 200 characters.' })
  jobTitle?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization they work for.' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'A short public biography, up to 5,000 characters.' })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address; unique among people. Personal.' })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number, digits with +, spaces, dots, dashes or brackets. Personal.',
  })
  phone?: string | null;

  @Field(() => SexEnum, { nullable: true, description: 'Sex, for reporting. Personal.' })
  sex?: SexEnum | null;

  @Field(() => Int, { nullable: true, description: 'Year of birth, 1900 to ten years ago. Personal.' })
  birthYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Nationality, ISO 3166-1 alpha-2 in capitals. Personal.' })
  nationality?: string | null;
}

@InputType({ description: 'A new person.' })
export class PersonCreateInput extends PersonFieldsInput {
  @Field(() => String, { description: 'Given name(s), 1 to 100 characters.' })
  givenName!: string;

  @Field(() => String, { description: 'Family name, 1 to 100 characters.' })
  familyName!: string;
}

@InputType({ description: 'Changes to a person.' })
export class PersonUpdateInput extends PersonFieldsInput {
  @Field(() => String, { nullable: true, description: 'Given name(s), 1 to 100 characters.' })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name, 1 to 100 characters.' })
  familyName?: string | null;

  @Field(() => ID, { description: 'The person’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one is a CONFLICT.' })
  version!: number;
}

@ObjectType({ description: 'The result of recording or changing a person.' })
export class PersonPayload {
  @Field(() => Person, { nullable: true, description: 'The person, as saved.' })
  person!: Person | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'The person to delete.' })
export class PersonDeleteInput {
  @Field(() => ID, { description: 'The person’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of deleting a person.' })
export class PersonDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the person deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
