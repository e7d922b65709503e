import type { Organization } from '@seminarhub/db';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, childPages, type ListOrder, nestedConnection, paginate } from '../../core/pagination.ts';

const ORGANIZATION_ORDER: ListOrder<Organization> = {
  field: 'name',
  kind: 'string',
  direction: 'asc',
  value: (row) => row.name,
};

export function listOrganizations(ctx: Context, args: ConnectionArgs) {
  return paginate<Organization>({
    args,
    order: ORGANIZATION_ORDER,
    findMany: (page) => ctx.prisma.organization.findMany(page),
    count: () => ctx.prisma.organization.count(),
  });
}

/** The organizations that are part of one, by name; loaded in one query for all parents in a response. */
export function childrenOfOrganization(ctx: Context, parentId: string, args: ConnectionArgs) {
  return nestedConnection<Organization>(
    ctx.batches,
    'Organization.children',
    parentId,
    args,
    ORGANIZATION_ORDER,
    (ids, page) =>
      childPages<Organization>('children', {}, page, (args) =>
        ctx.prisma.organization.findMany({ where: { id: { in: ids } }, ...args }),
      ),
  );
}
