import { ApiKeyScope as ApiKeyScopeEnum, UserRole as UserRoleEnum, type User as UserRow } from '@seminarhub/db';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { DateTime } from '../../core/scalars.ts';
import { UserError } from '../../core/user-errors.ts';
import { Permission } from './permissions.ts';

registerEnumType(UserRoleEnum, {
  name: 'UserRole',
  description: 'What an account may do.',
  valuesConfig: {
    ADMIN: { description: 'Runs the installation: everything, including accounts and API keys.' },
    COORDINATOR: { description: 'Manages the programmes and seminars assigned to them.' },
    REVIEWER: { description: 'Sees and reviews the proposals assigned to them.' },
    PARTICIPANT: { description: "Sees their own enrollment, attendance and feedback, and their team's proposals." },
  },
});

registerEnumType(ApiKeyScopeEnum, {
  name: 'ApiKeyScope',
  description: 'What an API key may do.',
  valuesConfig: {
    READ: { description: 'Queries only.' },
    READ_WRITE: { description: 'Queries and mutations.' },
  },
});

export enum ViewerKind {
  ANONYMOUS = 'ANONYMOUS',
  USER = 'USER',
  API_KEY = 'API_KEY',
}
registerEnumType(ViewerKind, {
  name: 'ViewerKind',
  description: 'How the request was authenticated.',
  valuesConfig: {
    ANONYMOUS: { description: 'No credentials: the public.' },
    USER: { description: 'A signed-in person, with a session token.' },
    API_KEY: { description: 'A third-party program, with an API key.' },
  },
});

@ObjectType({ implements: Node, description: 'An account that can sign in.' })
export class User extends Node implements Partial<UserRow> {
  @Field(() => String, { description: 'Sign-in email, lower-cased.' })
  email!: string;

  @Field(() => UserRoleEnum, { description: 'What the account may do.' })
  role!: UserRoleEnum;

  @Field(() => DateTime, { nullable: true, description: 'When the account last signed in.' })
  lastLoginAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the account was disabled; null while it may sign in.' })
  disabledAt!: Date | null;

  @Field(() => DateTime, { description: 'When the account was created.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'Revision number, raised by every change; updates must name the one they read.' })
  version!: number;

  personId!: string | null;
}

@ObjectType({ description: 'Who is asking, and what they may do.' })
export class Viewer {
  @Field(() => ViewerKind, { description: 'How the request was authenticated.' })
  kind!: ViewerKind;

  @Field(() => UserRoleEnum, { nullable: true, description: "The signed-in user's role; null otherwise." })
  role!: UserRoleEnum | null;

  @Field(() => [Permission], { description: 'What the viewer may do.' })
  permissions!: Permission[];

  userId!: string | null;
  apiKeyId!: string | null;
}

@InputType({ description: 'Credentials to sign in with.' })
export class LoginInput {
  @Field(() => String, { description: 'The account’s email (case does not matter).' })
  email!: string;

  @Field(() => String, { description: 'The account’s password.' })
  password!: string;
}

@ObjectType({ description: 'The result of signing in.' })
export class LoginPayload {
  @Field(() => String, {
    nullable: true,
    description: 'A session token: send it as "Authorization: Bearer <token>". Null when sign-in failed.',
  })
  token!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When the token stops working.' })
  expiresAt!: Date | null;

  @Field(() => Viewer, { nullable: true, description: 'Who the token signs in as. Null when sign-in failed.' })
  viewer!: Viewer | null;

  @Field(() => [UserError], { description: 'Why sign-in failed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of signing out.' })
export class LogoutPayload {
  @Field(() => Boolean, { description: 'True when the session token of this request was revoked.' })
  revoked!: boolean;

  @Field(() => [UserError], { description: 'Why signing out failed; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A new password, confirmed with the current one.' })
export class PasswordChangeInput {
  @Field(() => String, { description: 'The password in use now.' })
  currentPassword!: string;

  @Field(() => String, { description: 'The new password: 12 to 256 characters, not the email.' })
  newPassword!: string;
}

@ObjectType({ description: 'The result of changing a password. Every other session of the account is signed out.' })
export class PasswordChangePayload {
  @Field(() => Viewer, { nullable: true, description: 'The viewer, when the password was changed.' })
  viewer!: Viewer | null;

  @Field(() => [UserError], { description: 'Why the password was not changed; empty on success.' })
  userErrors!: UserError[];
}
