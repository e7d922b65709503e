import { seminarWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { listConnection, nestedList } from '../../core/lists/lists.ts';
import { SEMINAR_LIST, type SeminarListArgs } from './list.ts';

/** Seminars, the latest first unless asked otherwise: what staff and partners look for most. */
export async function listSeminars(ctx: Context, args: SeminarListArgs) {
  const visible = seminarWhere(ctx.viewer, await ctx.scope());
  return listConnection(ctx, SEMINAR_LIST, args, {
    visible,
    findMany: (query) => ctx.prisma.seminar.findMany(query),
    count: (where) => ctx.prisma.seminar.count({ where }),
  });
}

/** A programme's seminars; loaded in one query for all programmes in a response. */
export async function seminarsOfProgram(ctx: Context, programId: string, args: SeminarListArgs) {
  const visible = seminarWhere(ctx.viewer, await ctx.scope());
  return nestedList(ctx, SEMINAR_LIST, args, {
    name: 'Program.seminars',
    parentId: programId,
    relation: 'seminars',
    parentKey: 'programId',
    visible,
    findParents: (ids, args) => ctx.prisma.program.findMany({ where: { id: { in: ids } }, ...args }),
  });
}
