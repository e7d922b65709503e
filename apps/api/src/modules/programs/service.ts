import type { Context } from '../../core/context.ts';
import { listConnection } from '../../core/lists/lists.ts';
import { PROGRAM_LIST, type ProgramListArgs } from './list.ts';

/** Programmes, by title unless asked otherwise; everyone may read them. */
export function listPrograms(ctx: Context, args: ProgramListArgs) {
  return listConnection(ctx, PROGRAM_LIST, args, {
    findMany: (query) => ctx.prisma.program.findMany(query),
    count: (where) => ctx.prisma.program.count({ where }),
  });
}
