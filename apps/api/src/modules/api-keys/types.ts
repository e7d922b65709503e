import { type ApiKey as ApiKeyRow, ApiKeyScope as ApiKeyScopeEnum } from '@seminarhub/db';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Node } from '../../core/node.ts';
import { connectionType } from '../../core/pagination.ts';
import { DateTime } from '../../core/scalars.ts';
import { UserError } from '../../core/user-errors.ts';

@ObjectType({
  implements: Node,
  description: 'A credential for a third-party program. Its secret is shown once, at creation; only a hash is kept.',
})
export class ApiKey extends Node implements Partial<ApiKeyRow> {
  @Field(() => String, { description: 'What the key is for ("JICA reporting dashboard").' })
  name!: string;

  @Field(() => String, { description: 'The first characters of the secret, to tell keys apart.' })
  prefix!: string;

  @Field(() => ApiKeyScopeEnum, { description: 'What the key may do.' })
  scope!: ApiKeyScopeEnum;

  @Field(() => DateTime, { nullable: true, description: 'When the key stops working; null for never.' })
  expiresAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the key was revoked; null while it works.' })
  revokedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the key was last used, to the minute; null if never.' })
  lastUsedAt!: Date | null;

  @Field(() => DateTime, { description: 'When the key was created.' })
  createdAt!: Date;

  createdById!: string;
}

export const ApiKeyConnection = connectionType(ApiKey, 'ApiKey', 'API keys');

@InputType({ description: 'A new API key.' })
export class ApiKeyCreateInput {
  @Field(() => String, { description: 'What the key is for: 1 to 100 characters.' })
  name!: string;

  @Field(() => ApiKeyScopeEnum, { description: 'What the key may do.' })
  scope!: ApiKeyScopeEnum;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the key stops working; must be in the future. Null for never.',
  })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'The result of creating an API key.' })
export class ApiKeyCreatePayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key created.' })
  apiKey!: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The secret, to send as "Authorization: Bearer <secret>". Shown only in this response: store it now.',
  })
  secret!: string | null;

  @Field(() => [UserError], { description: 'Why no key was created; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'The API key to revoke.' })
export class ApiKeyRevokeInput {
  @Field(() => ID, { description: 'The key’s ID.' })
  id!: string;
}

@ObjectType({ description: 'The result of revoking an API key.' })
export class ApiKeyRevokePayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key, now revoked.' })
  apiKey!: ApiKey | null;

  @Field(() => [UserError], { description: 'Why the key was not revoked; empty on success.' })
  userErrors!: UserError[];
}
