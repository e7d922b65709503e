import type { Person } from '@seminarhub/db';
import { personWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

export async function listPeople(ctx: Context, args: ConnectionArgs, where: { organizationId?: string } = {}) {
  const visible = personWhere(ctx.viewer, await ctx.scope());
  return paginate<Person>({
    args,
    order: { field: 'familyName', kind: 'string', direction: 'asc', value: (row) => row.familyName },
    findMany: (page) => ctx.prisma.person.findMany({ ...page, where: { AND: [where, visible, page.where] } }),
    count: () => ctx.prisma.person.count({ where: { AND: [where, visible] } }),
  });
}
