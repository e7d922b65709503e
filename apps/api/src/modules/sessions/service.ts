import { sessionWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { listConnection, nestedList } from '../../core/lists/lists.ts';
import { SESSION_LIST, type SessionListArgs } from './list.ts';

/** Agenda items across seminars, in time order unless asked otherwise. */
export async function listSessions(ctx: Context, args: SessionListArgs) {
  const visible = sessionWhere(ctx.viewer, await ctx.scope());
  return listConnection(ctx, SESSION_LIST, args, {
    visible,
    findMany: (query) => ctx.prisma.session.findMany(query),
    count: (where) => ctx.prisma.session.count({ where }),
  });
}

/** A seminar's agenda; the agendas of all seminars in a response load in one query. */
export async function sessionsOfSeminar(ctx: Context, seminarId: string, args: SessionListArgs) {
  const visible = sessionWhere(ctx.viewer, await ctx.scope());
  return nestedList(ctx, SESSION_LIST, args, {
    name: 'Seminar.sessions',
    parentId: seminarId,
    relation: 'sessions',
    parentKey: 'seminarId',
    visible,
    findParents: (ids, args) => ctx.prisma.seminar.findMany({ where: { id: { in: ids } }, ...args }),
  });
}
