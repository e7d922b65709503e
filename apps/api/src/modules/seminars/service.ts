import type { Seminar } from '@seminarhub/db';
import { seminarWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** Seminars, the latest first: what staff and partners look for most. */
export async function listSeminars(ctx: Context, args: ConnectionArgs, where: { programId?: string } = {}) {
  const visible = seminarWhere(ctx.viewer, await ctx.scope());
  return paginate<Seminar>({
    args,
    order: { field: 'startDate', kind: 'date', direction: 'desc', value: (row) => row.startDate },
    findMany: (page) => ctx.prisma.seminar.findMany({ ...page, where: { AND: [where, visible, page.where] } }),
    count: () => ctx.prisma.seminar.count({ where: { AND: [where, visible] } }),
  });
}
