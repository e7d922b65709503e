import { PlaceKind as PlaceKindEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Place } from './types.ts';

@InputType({ description: 'A new place where sessions are held.' })
export class PlaceCreateInput {
  @Field(() => String, { description: 'Name, 1 to 300 characters.' })
  name!: string;

  @Field(() => PlaceKindEnum, { nullable: true, description: 'What the place is used for; VENUE when left out.' })
  kind?: PlaceKindEnum | null;

  @Field(() => String, { nullable: true, description: 'Street address, up to 500 characters.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'City, up to 200 characters.' })
  city?: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code in capitals ("KR").' })
  countryCode!: string;

  @Field(() => ID, { nullable: true, description: 'The organization that runs the place; it must exist.' })
  hostOrganizationId?: string | null;
}

@InputType({ description: 'Changes to a place; fields left out keep their value, null clears optional ones.' })
export class PlaceUpdateInput {
  @Field(() => ID, { description: 'The place’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one in the database is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Name, 1 to 300 characters.' })
  name?: string | null;

  @Field(() => PlaceKindEnum, { nullable: true, description: 'What the place is used for.' })
  kind?: PlaceKindEnum | null;

  @Field(() => String, { nullable: true, description: 'Street address; null clears it.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'City; null clears it.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code in capitals.' })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization that runs the place; null for none.' })
  hostOrganizationId?: string | null;
}

@InputType({ description: 'The place to delete.' })
export class PlaceDeleteInput {
  @Field(() => ID, { description: 'The place’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of creating or changing a place.' })
export class PlacePayload {
  @Field(() => Place, { nullable: true, description: 'The place, as saved.' })
  place!: Place | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting a place.' })
export class PlaceDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the place deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
