import type { Session } from '@seminarhub/db';
import { sessionWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, type ListOrder, nestedConnection } from '../../core/pagination.ts';

const AGENDA_ORDER: ListOrder<Session> = {
  field: 'startsAt',
  kind: 'date',
  direction: 'asc',
  value: (row) => row.startsAt,
};

/** A seminar's agenda, in time order; the agendas of all seminars in a response load in one query. */
export async function sessionsOfSeminar(ctx: Context, seminarId: string, args: ConnectionArgs) {
  const visible = sessionWhere(ctx.viewer, await ctx.scope());
  return nestedConnection<Session>(
    ctx.batches,
    'Seminar.sessions',
    seminarId,
    args,
    AGENDA_ORDER,
    async (ids, page) => {
      const seminars = await ctx.prisma.seminar.findMany({
        where: { id: { in: ids } },
        relationLoadStrategy: 'join',
        select: {
          id: true,
          sessions: { where: { AND: [visible, page.where] }, orderBy: page.orderBy, take: page.take },
          _count: { select: { sessions: { where: visible } } },
        },
      });
      return new Map(
        seminars.map((seminar) => [seminar.id, { rows: seminar.sessions, count: seminar._count.sessions }]),
      );
    },
  );
}
