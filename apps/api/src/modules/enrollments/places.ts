import type { EnrollmentStatus, Prisma } from '@seminarhub/db';

/** Statuses that hold one of the seminar's places: the one definition of "places taken". */
export const HOLDS_PLACE: EnrollmentStatus[] = ['ACCEPTED', 'CONFIRMED', 'COMPLETED'];

/** Places taken in a seminar; callers lock the seminar row first, so that no step takes or frees one meanwhile. */
export async function placesTaken(tx: Prisma.TransactionClient, seminarId: string): Promise<number> {
  return tx.enrollment.count({ where: { seminarId, status: { in: HOLDS_PLACE } } });
}
