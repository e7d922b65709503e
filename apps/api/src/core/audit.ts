import type { Prisma } from '@seminarhub/db';
import type { Context } from './context.ts';

type Row = Record<string, unknown>;

/** Values as JSON stores them: dates become ISO strings. */
function plain(value: unknown): Prisma.InputJsonValue | null {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** Password, token and key hashes: the trail says that they changed, never what they are. */
const SECRET = /(hash|secret)$/i;

function redacted(row: Row | null): Row | null {
  if (!row) return row;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, SECRET.test(key) ? '[redacted]' : value]));
}

/** The fields that differ, before and after; bookkeeping columns are left out, secrets masked. */
export function changedFields(before: Row | null, after: Row | null): { before: Row | null; after: Row | null } {
  const ignored = new Set(['updatedAt', 'createdAt']);
  if (!before || !after) return { before: redacted(before), after: redacted(after) };
  const keys = Object.keys({ ...before, ...after }).filter(
    (key) => !ignored.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return {
    before: redacted(Object.fromEntries(keys.map((key) => [key, before[key]]))),
    after: redacted(Object.fromEntries(keys.map((key) => [key, after[key]]))),
  };
}

/**
 * Records who changed what, when, with the changed fields before and after. Called with the
 * mutation's own transaction client, so the change and its record commit or fail together.
 */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  ctx: Context,
  event: {
    action: string;
    entityType: string;
    entityId: string;
    before: Row | null;
    after: Row | null;
    /** False for changes whose author must stay unknown (anonymous feedback). */
    withActor?: boolean;
    /** The account acting when the request has none yet: the user signing in. */
    actorUserId?: string;
  },
): Promise<void> {
  const withActor = event.withActor ?? true;
  const diff = changedFields(event.before, event.after);
  // Every change is audited last in its transaction: the next read of the scope, after the commit, sees it.
  ctx.invalidateScope();
  await tx.auditEvent.create({
    data: {
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      actorUserId: withActor ? (event.actorUserId ?? (ctx.viewer.kind === 'user' ? ctx.viewer.userId : null)) : null,
      actorApiKey: withActor && ctx.viewer.kind === 'apiKey' ? ctx.viewer.apiKeyId : null,
      requestId: withActor ? ctx.requestId : null,
      before: plain(diff.before) ?? undefined,
      after: plain(diff.after) ?? undefined,
    },
  });
}
