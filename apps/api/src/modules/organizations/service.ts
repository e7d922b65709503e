import type { Organization } from '@seminarhub/db';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

export function listOrganizations(ctx: Context, args: ConnectionArgs, where: { parentId?: string } = {}) {
  return paginate<Organization>({
    args,
    order: { field: 'name', kind: 'string', direction: 'asc', value: (row) => row.name },
    findMany: (page) => ctx.prisma.organization.findMany({ ...page, where: { AND: [where, page.where] } }),
    count: () => ctx.prisma.organization.count({ where }),
  });
}
