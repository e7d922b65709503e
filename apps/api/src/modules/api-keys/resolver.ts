import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { User } from '../accounts/types.ts';
import { ApiKeyListArgs } from './list.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './service.ts';
import {
  ApiKey,
  ApiKeyConnection,
  ApiKeyCreateInput,
  ApiKeyCreatePayload,
  ApiKeyRevokeInput,
  ApiKeyRevokePayload,
} from './types.ts';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: 'All API keys, the newest first. Administrators only.' })
  apiKeys(@Args(() => ApiKeyListArgs) args: ApiKeyListArgs, @Ctx() ctx: Context) {
    return listApiKeys(ctx, args);
  }

  @Mutation(() => ApiKeyCreatePayload, {
    description: 'Creates an API key for a third-party program and shows its secret once. Administrators only.',
  })
  apiKeyCreate(
    @Arg('input', () => ApiKeyCreateInput, { description: 'The key’s name, scope and expiry.' })
    input: ApiKeyCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createApiKey(ctx, input);
  }

  @Mutation(() => ApiKeyRevokePayload, {
    description: 'Revokes an API key at once: requests with it fail from now on. Administrators only.',
  })
  apiKeyRevoke(
    @Arg('input', () => ApiKeyRevokeInput, { description: 'The key to revoke.' }) input: ApiKeyRevokeInput,
    @Ctx() ctx: Context,
  ) {
    return revokeApiKey(ctx, input.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The administrator who created the key.' })
  createdBy(@Root() apiKey: ApiKey, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(apiKey.createdById);
  }
}
