import { Prisma, type PrismaClient } from '@seminarhub/db';
import { type UserError, UserErrorCode, userError } from './user-errors.ts';

/** Tables whose rows carry a `version`; the name goes into SQL, so only these are accepted. */
type VersionedTable = 'Organization' | 'Seminar' | 'Session' | 'Proposal' | 'Person' | 'Place';

/**
 * Runs a change to one row inside a transaction, after locking the row and checking the version the
 * client read: a stale version is a CONFLICT, a missing row NOT_FOUND. The lock makes two writers
 * naming the same version queue, so exactly one of them wins.
 */
export async function changeVersioned<Row, T>(
  prisma: PrismaClient,
  table: VersionedTable,
  noun: string,
  id: string,
  version: number,
  change: (tx: Prisma.TransactionClient, before: Row) => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; error: UserError }> {
  return prisma.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<(Row & { version: number })[]>(
      Prisma.sql`SELECT * FROM ${Prisma.raw(`"${table}"`)} WHERE id = ${id}::uuid FOR UPDATE`,
    );
    if (!before)
      return { ok: false, error: userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', 'id']) };
    if (before.version !== version) {
      return {
        ok: false,
        error: userError(
          UserErrorCode.CONFLICT,
          `The ${noun} changed since you read it (version ${version}; now ${before.version}). Read it again and reapply your change.`,
          ['input', 'version'],
        ),
      };
    }
    return { ok: true, result: await change(tx, before) };
  });
}
