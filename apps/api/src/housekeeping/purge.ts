import type { PrismaClient } from '@seminarhub/db';
import type { Logger } from 'pino';
import { IDEMPOTENCY_TTL_MS } from '../http/idempotency.ts';

const DAY_MS = 24 * 60 * 60_000;

/** What one purge removed, per kind of row. */
export interface Purged {
  idempotencyKeys: number;
  authSessions: number;
  loginFailures: number;
}

/**
 * Deletes rows that no longer do anything: idempotency records past their 24 hours, sessions that
 * expired or were revoked a day ago, and failed sign-ins a day old (the lock counts 15 minutes; a
 * day is kept for whoever investigates an attack). Audit events are history and are never purged.
 */
export async function purgeExpired(prisma: PrismaClient, now = new Date()): Promise<Purged> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [idempotencyKeys, authSessions, loginFailures] = await prisma.$transaction([
    prisma.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } }),
    prisma.authSession.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: dayAgo } }] } }),
    prisma.loginFailure.deleteMany({ where: { at: { lt: dayAgo } } }),
  ]);
  return {
    idempotencyKeys: idempotencyKeys.count,
    authSessions: authSessions.count,
    loginFailures: loginFailures.count,
  };
}

/**
 * Purges soon after start and then every `intervalMs` (an hour by default). Every API process
 * runs it: the deletes are idempotent, so processes sharing a database only repeat cheap work.
 * Returns a function that stops it.
 */
export function schedulePurge(prisma: PrismaClient, logger: Logger, intervalMs = 60 * 60_000): () => void {
  const run = async () => {
    try {
      const purged = await purgeExpired(prisma);
      if (purged.idempotencyKeys + purged.authSessions + purged.loginFailures > 0) {
        logger.info({ purged }, 'purged expired rows');
      }
    } catch (error) {
      // A failed purge is retried at the next interval; it must never take the server down.
      logger.warn({ err: error }, 'purging expired rows failed');
    }
  };
  const first = setTimeout(run, 5_000).unref();
  const every = setInterval(run, intervalMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
