import { recordAudit } from '../../core/audit.ts';
import { requireAdmin } from '../../core/auth/guards.ts';
import { API_KEY_PREFIX, generateSecret, hashSecret } from '../../core/auth/tokens.ts';
import type { Context } from '../../core/context.ts';
import { listConnection } from '../../core/lists/lists.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { UserErrorCode, userError } from '../../core/user-errors.ts';
import { API_KEY_LIST, type ApiKeyListArgs } from './list.ts';
import type { ApiKeyCreateInput, ApiKeyCreatePayload, ApiKeyRevokePayload } from './types.ts';

export function listApiKeys(ctx: Context, args: ApiKeyListArgs) {
  requireAdmin(ctx);
  return listConnection(ctx, API_KEY_LIST, args, {
    findMany: (query) => ctx.prisma.apiKey.findMany(query),
    count: (where) => ctx.prisma.apiKey.count({ where }),
  });
}

export async function createApiKey(ctx: Context, input: ApiKeyCreateInput): Promise<ApiKeyCreatePayload> {
  const admin = requireAdmin(ctx);
  const name = input.name.trim();
  const errors = [];
  if (name.length < 1 || name.length > 100) {
    errors.push(userError(UserErrorCode.INVALID, 'Give the key a name of 1 to 100 characters.', ['input', 'name']));
  }
  if (input.expiresAt && input.expiresAt <= new Date()) {
    errors.push(userError(UserErrorCode.INVALID, 'The expiry must be in the future.', ['input', 'expiresAt']));
  }
  if (errors.length > 0) return { apiKey: null, secret: null, userErrors: errors };

  const secret = generateSecret(API_KEY_PREFIX);
  const apiKey = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name,
        scope: input.scope,
        expiresAt: input.expiresAt ?? null,
        prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
        keyHash: hashSecret(secret),
        createdById: admin.userId,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'apiKey.create',
      entityType: 'ApiKey',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
  ctx.log.info({ apiKeyId: apiKey.id, scope: apiKey.scope }, 'API key created');
  return { apiKey, secret, userErrors: [] };
}

export async function revokeApiKey(ctx: Context, globalId: string): Promise<ApiKeyRevokePayload> {
  requireAdmin(ctx);
  const id = fromGlobalIdOf('ApiKey', globalId, 'input.id');
  const existing = await ctx.prisma.apiKey.findUnique({ where: { id } });
  if (!existing) {
    return {
      apiKey: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such API key.', ['input', 'id'])],
    };
  }
  if (existing.revokedAt) return { apiKey: existing, userErrors: [] };
  const apiKey = await ctx.prisma.$transaction(async (tx) => {
    const after = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: 'apiKey.revoke',
      entityType: 'ApiKey',
      entityId: id,
      before: existing,
      after,
    });
    return after;
  });
  return { apiKey, userErrors: [] };
}
