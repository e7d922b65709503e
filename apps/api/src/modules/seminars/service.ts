import type { Seminar } from '@seminarhub/db';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** Seminars, the latest first: what staff and partners look for most. */
export function listSeminars(ctx: Context, args: ConnectionArgs, where: { programId?: string } = {}) {
  return paginate<Seminar>({
    args,
    order: { field: 'startDate', direction: 'desc', value: (row) => row.startDate },
    findMany: (page) => ctx.prisma.seminar.findMany({ ...page, where: { AND: [where, page.where] } }),
    count: () => ctx.prisma.seminar.count({ where }),
  });
}
