import { OrganizationType as OrganizationTypeEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Organization } from './types.ts';

@InputType({ description: 'A new organization.' })
export class OrganizationCreateInput {
  @Field(() => String, { description: 'Full official name, 1 to 300 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name or acronym, up to 30 characters.' })
  acronym?: string | null;

  @Field(() => OrganizationTypeEnum, { description: 'What kind of body it is.' })
  type!: OrganizationTypeEnum;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code in capitals ("UZ").' })
  countryCode!: string;

  @Field(() => ID, { nullable: true, description: 'The organization it is part of.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Public website, http:// or https://.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does, up to 5,000 characters.' })
  description?: string | null;
}

@InputType({ description: 'Changes to an organization; fields left out keep their value, null clears optional ones.' })
export class OrganizationUpdateInput {
  @Field(() => ID, { description: 'The organization’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one in the database is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Full official name, 1 to 300 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Short name or acronym, up to 30 characters.' })
  acronym?: string | null;

  @Field(() => OrganizationTypeEnum, { nullable: true, description: 'What kind of body it is.' })
  type?: OrganizationTypeEnum | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code in capitals.' })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization it is part of; null for none.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Public website, http:// or https://.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does, up to 5,000 characters.' })
  description?: string | null;
}

@InputType({ description: 'The organization to delete.' })
export class OrganizationDeleteInput {
  @Field(() => ID, { description: 'The organization’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of creating or changing an organization.' })
export class OrganizationPayload {
  @Field(() => Organization, { nullable: true, description: 'The organization, as saved.' })
  organization!: Organization | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting an organization.' })
export class OrganizationDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the organization deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
