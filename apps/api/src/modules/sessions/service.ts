import type { Session } from '@seminarhub/db';
import { sessionWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** A seminar's agenda, in time order. */
export async function listSessions(ctx: Context, args: ConnectionArgs, where: { seminarId: string }) {
  const visible = sessionWhere(ctx.viewer, await ctx.scope());
  return paginate<Session>({
    args,
    order: { field: 'startsAt', kind: 'date', direction: 'asc', value: (row) => row.startsAt },
    findMany: (page) => ctx.prisma.session.findMany({ ...page, where: { AND: [where, visible, page.where] } }),
    count: () => ctx.prisma.session.count({ where: { AND: [where, visible] } }),
  });
}
