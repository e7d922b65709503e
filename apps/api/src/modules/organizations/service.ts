import type { Context } from '../../core/context.ts';
import { listConnection, nestedList } from '../../core/lists/lists.ts';
import { ORGANIZATION_LIST, type OrganizationListArgs } from './list.ts';

/** Organizations, by name unless asked otherwise; everyone may read them. */
export function listOrganizations(ctx: Context, args: OrganizationListArgs) {
  return listConnection(ctx, ORGANIZATION_LIST, args, {
    findMany: (query) => ctx.prisma.organization.findMany(query),
    count: (where) => ctx.prisma.organization.count({ where }),
  });
}

/** The organizations that are part of one; loaded in one query for all parents in a response. */
export function childrenOfOrganization(ctx: Context, parentId: string, args: OrganizationListArgs) {
  return nestedList(ctx, ORGANIZATION_LIST, args, {
    name: 'Organization.children',
    parentId,
    relation: 'children',
    parentKey: 'parentId',
    visible: {},
    findParents: (ids, args) => ctx.prisma.organization.findMany({ where: { id: { in: ids } }, ...args }),
  });
}
