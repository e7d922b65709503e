import { Prisma, type PrismaClient } from '@seminarhub/db';
import { type UserError, UserErrorCode, userError } from './user-errors.ts';

/** Tables whose rows carry a `version`; the name goes into SQL, so only these are accepted. */
type VersionedTable =
  | 'Organization'
  | 'Seminar'
  | 'Session'
  | 'Proposal'
  | 'Person'
  | 'Place'
  | 'Program'
  | 'ReviewCriterion'
  | 'Enrollment'
  | 'Feedback'
  | 'Milestone'
  | 'ProgressReport'
  | 'Review';

/** Thrown inside a versioned change to refuse it: the transaction rolls back and the errors are returned. */
export class Refusal extends Error {
  constructor(readonly errors: UserError[]) {
    super('refused');
  }
}

/** Refuses the change in progress with these userErrors. */
export function refuse(...errors: UserError[]): never {
  throw new Refusal(errors);
}

/**
 * Runs a change to one row inside a transaction, after locking the row and checking the version the
 * client read: a stale version is a CONFLICT, a missing row NOT_FOUND. The lock makes two writers
 * naming the same version queue, so exactly one of them wins. The change may `refuse(...)`, which
 * rolls everything back, so that callers get either the result or the reasons, never a mix.
 */
export async function changeVersioned<Row, T>(
  prisma: PrismaClient,
  table: VersionedTable,
  noun: string,
  id: string,
  version: number,
  change: (tx: Prisma.TransactionClient, before: Row) => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; errors: UserError[] }> {
  return refusable(prisma, async (tx) => {
    const [before] = await tx.$queryRaw<(Row & { version: number })[]>(
      Prisma.sql`SELECT * FROM ${Prisma.raw(`"${table}"`)} WHERE id = ${id}::uuid FOR UPDATE`,
    );
    if (!before) refuse(userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', 'id']));
    if (before.version !== version) {
      refuse(
        userError(
          UserErrorCode.CONFLICT,
          `The ${noun} changed since you read it (version ${version}; now ${before.version}). Read it again and reapply your change.`,
          ['input', 'version'],
        ),
      );
    }
    return change(tx, before);
  });
}

/** Runs a change in a transaction that it may `refuse(...)`: then it rolls back and the errors are returned. */
export async function refusable<T>(
  prisma: PrismaClient,
  change: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; errors: UserError[] }> {
  try {
    return { ok: true, result: await prisma.$transaction(change) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors };
    throw error;
  }
}
