import type { Program } from '@seminarhub/db';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

export function listPrograms(ctx: Context, args: ConnectionArgs) {
  return paginate<Program>({
    args,
    order: { field: 'title', kind: 'string', direction: 'asc', value: (row) => row.title },
    findMany: (page) => ctx.prisma.program.findMany(page),
    count: () => ctx.prisma.program.count(),
  });
}
