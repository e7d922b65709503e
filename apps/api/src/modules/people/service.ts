import type { Person } from '@seminarhub/db';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

export function listPeople(ctx: Context, args: ConnectionArgs, where: { organizationId?: string } = {}) {
  return paginate<Person>({
    args,
    order: { field: 'familyName', direction: 'asc', value: (row) => row.familyName },
    findMany: (page) => ctx.prisma.person.findMany({ ...page, where: { AND: [where, page.where] } }),
    count: () => ctx.prisma.person.count({ where }),
  });
}
