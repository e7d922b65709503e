import type { Session } from '@seminarhub/db';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** A seminar's agenda, in time order. */
export function listSessions(ctx: Context, args: ConnectionArgs, where: { seminarId: string }) {
  return paginate<Session>({
    args,
    order: { field: 'startsAt', direction: 'asc', value: (row) => row.startsAt },
    findMany: (page) => ctx.prisma.session.findMany({ ...page, where: { AND: [where, page.where] } }),
    count: () => ctx.prisma.session.count({ where }),
  });
}
