import { personWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { listConnection, nestedList } from '../../core/lists/lists.ts';
import { PERSON_LIST, type PersonListArgs } from './list.ts';

/** People visible to the viewer, by family name unless asked otherwise. */
export async function listPeople(ctx: Context, args: PersonListArgs) {
  const visible = personWhere(ctx.viewer, await ctx.scope());
  return listConnection(ctx, PERSON_LIST, args, {
    visible,
    findMany: (query) => ctx.prisma.person.findMany(query),
    count: (where) => ctx.prisma.person.count({ where }),
  });
}

/** The people of an organization; loaded in one query for all organizations in a response. */
export async function peopleOfOrganization(ctx: Context, organizationId: string, args: PersonListArgs) {
  const visible = personWhere(ctx.viewer, await ctx.scope());
  return nestedList(ctx, PERSON_LIST, args, {
    name: 'Organization.people',
    parentId: organizationId,
    relation: 'people',
    parentKey: 'organizationId',
    visible,
    findParents: (ids, args) => ctx.prisma.organization.findMany({ where: { id: { in: ids } }, ...args }),
  });
}
