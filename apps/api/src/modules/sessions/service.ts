import type { Session } from '@seminarhub/db';
import { sessionWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, childPages, type ListOrder, nestedConnection } from '../../core/pagination.ts';

const AGENDA_ORDER: ListOrder<Session> = {
  field: 'startsAt',
  kind: 'date',
  direction: 'asc',
  value: (row) => row.startsAt,
};

/** A seminar's agenda, in time order; the agendas of all seminars in a response load in one query. */
export async function sessionsOfSeminar(ctx: Context, seminarId: string, args: ConnectionArgs) {
  const visible = sessionWhere(ctx.viewer, await ctx.scope());
  return nestedConnection<Session>(ctx.batches, 'Seminar.sessions', seminarId, args, AGENDA_ORDER, (ids, page) =>
    childPages<Session>('sessions', visible, page, (args) =>
      ctx.prisma.seminar.findMany({ where: { id: { in: ids } }, ...args }),
    ),
  );
}
