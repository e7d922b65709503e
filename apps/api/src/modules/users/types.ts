import { UserRole as UserRoleEnum } from '@seminarhub/db';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../core/user-errors.ts';
import { User } from '../accounts/types.ts';

@InputType({ description: 'A new account.' })
export class UserCreateInput {
  @Field(() => String, { description: 'Sign-in email; stored lower-cased; unique.' })
  email!: string;

  @Field(() => UserRoleEnum, { description: 'What the account may do.' })
  role!: UserRoleEnum;

  @Field(() => String, {
    nullable: true,
    description: 'Initial password, 12 to 256 characters. Leave out to have one generated and returned once.',
  })
  password?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person the account belongs to (reviewers, participants).' })
  personId?: string | null;
}

@ObjectType({ description: 'The result of creating an account.' })
export class UserCreatePayload {
  @Field(() => User, { nullable: true, description: 'The account created.' })
  user!: User | null;

  @Field(() => String, {
    nullable: true,
    description: 'The generated password, when none was given. Shown only in this response: hand it over safely.',
  })
  generatedPassword!: string | null;

  @Field(() => [UserError], { description: 'Why no account was created; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Changes to an account.' })
export class UserUpdateInput {
  @Field(() => ID, { description: 'The account’s ID.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` you read; a newer one in the database is a CONFLICT.' })
  version!: number;

  @Field(() => UserRoleEnum, { nullable: true, description: 'A new role; leave out to keep it.' })
  role?: UserRoleEnum | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True disables the account and signs it out everywhere; false enables it again.',
  })
  disabled?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Links the account to this person (one account per person; another account linked to them is a CONFLICT); null unlinks it; leave out to keep it.',
  })
  personId?: string | null;
}

@ObjectType({ description: 'The result of changing an account.' })
export class UserUpdatePayload {
  @Field(() => User, { nullable: true, description: 'The account, changed.' })
  user!: User | null;

  @Field(() => [UserError], { description: 'Why nothing was changed; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'The programmes and seminars a coordinator manages, replacing the current ones.' })
export class CoordinatorAssignmentsSetInput {
  @Field(() => ID, { description: 'The coordinator’s account ID.' })
  userId!: string;

  @Field(() => [ID], { description: 'Programmes they manage, with all their seminars; at most 100.' })
  programIds!: string[];

  @Field(() => [ID], { description: 'Single seminars they manage; at most 100.' })
  seminarIds!: string[];
}

@ObjectType({ description: 'The result of setting a coordinator’s assignments.' })
export class CoordinatorAssignmentsSetPayload {
  @Field(() => User, { nullable: true, description: 'The coordinator.' })
  user!: User | null;

  @Field(() => [UserError], { description: 'Why nothing was changed; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A new password for another account, set by an administrator.' })
export class UserPasswordResetInput {
  @Field(() => ID, { description: 'The account’s ID; not your own (change yours with `passwordChange`).' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The new password, 12 to 256 characters, not the email. Leave out to have one generated and returned once.',
  })
  password?: string | null;
}

@ObjectType({ description: 'The result of resetting a password. Every session of the account is signed out.' })
export class UserPasswordResetPayload {
  @Field(() => User, { nullable: true, description: 'The account, with its new password.' })
  user!: User | null;

  @Field(() => String, {
    nullable: true,
    description: 'The generated password, when none was given. Shown only in this response: hand it over safely.',
  })
  generatedPassword!: string | null;

  @Field(() => [UserError], { description: 'Why the password was not reset; empty on success.' })
  userErrors!: UserError[];
}
