import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { Program } from './types.ts';

@InputType({ description: 'A new programme.' })
export class ProgramCreateInput {
  @Field(() => String, {
    description:
      'Short stable code, unique across programmes ("KOICA-CIAT"): 2 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
  })
  code!: string;

  @Field(() => String, { description: 'Title, 1 to 300 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Aims and scope, up to 10,000 characters.' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Sector it serves ("Digital government"), up to 200 characters.',
  })
  sector?: string | null;

  @Field(() => ID, { description: 'The organization that funds it; it must exist.' })
  funderId!: string;

  @Field(() => ID, { description: 'The organization that runs it; it must exist (it may be the funder).' })
  implementerId!: string;
}

@InputType({ description: 'Changes to a programme; fields left out keep their value, null clears optional ones.' })
export class ProgramUpdateInput {
  @Field(() => ID, { description: 'The programme’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one in the database is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Short stable code, unique across programmes.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Title, 1 to 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Aims and scope; null clears them.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Sector it serves; null clears it.' })
  sector?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization that funds it.' })
  funderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization that runs it.' })
  implementerId?: string | null;
}

@InputType({ description: 'The programme to delete.' })
export class ProgramDeleteInput {
  @Field(() => ID, { description: 'The programme’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read.' })
  version!: number;
}

@ObjectType({ description: 'The result of creating or changing a programme.' })
export class ProgramPayload {
  @Field(() => Program, { nullable: true, description: 'The programme, as saved.' })
  program!: Program | null;

  @Field(() => [UserError], { description: 'Why nothing was saved; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of deleting a programme.' })
export class ProgramDeletePayload {
  @Field(() => ID, { nullable: true, description: 'The ID of the programme deleted.' })
  deletedId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted; empty on success.' })
  userErrors!: UserError[];
}
