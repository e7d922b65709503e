import type { Seminar } from '@seminarhub/db';
import { seminarWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, childPages, type ListOrder, nestedConnection, paginate } from '../../core/pagination.ts';

const SEMINAR_ORDER: ListOrder<Seminar> = {
  field: 'startDate',
  kind: 'date',
  direction: 'desc',
  value: (row) => row.startDate,
};

/** Seminars, the latest first: what staff and partners look for most. */
export async function listSeminars(ctx: Context, args: ConnectionArgs) {
  const visible = seminarWhere(ctx.viewer, await ctx.scope());
  return paginate<Seminar>({
    args,
    order: SEMINAR_ORDER,
    findMany: (page) => ctx.prisma.seminar.findMany({ ...page, where: { AND: [visible, page.where] } }),
    count: () => ctx.prisma.seminar.count({ where: visible }),
  });
}

/** A programme's seminars, the latest first; loaded in one query for all programmes in a response. */
export async function seminarsOfProgram(ctx: Context, programId: string, args: ConnectionArgs) {
  const visible = seminarWhere(ctx.viewer, await ctx.scope());
  return nestedConnection<Seminar>(ctx.batches, 'Program.seminars', programId, args, SEMINAR_ORDER, (ids, page) =>
    childPages<Seminar>('seminars', visible, page, (args) =>
      ctx.prisma.program.findMany({ where: { id: { in: ids } }, ...args }),
    ),
  );
}
