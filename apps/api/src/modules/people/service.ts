import type { Person } from '@seminarhub/db';
import { personWhere } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, childPages, type ListOrder, nestedConnection, paginate } from '../../core/pagination.ts';

const PEOPLE_ORDER: ListOrder<Person> = {
  field: 'familyName',
  kind: 'string',
  direction: 'asc',
  value: (row) => row.familyName,
};

export async function listPeople(ctx: Context, args: ConnectionArgs) {
  const visible = personWhere(ctx.viewer, await ctx.scope());
  return paginate<Person>({
    args,
    order: PEOPLE_ORDER,
    findMany: (page) => ctx.prisma.person.findMany({ ...page, where: { AND: [visible, page.where] } }),
    count: () => ctx.prisma.person.count({ where: visible }),
  });
}

/** The people of an organization, by family name; loaded in one query for all organizations in a response. */
export async function peopleOfOrganization(ctx: Context, organizationId: string, args: ConnectionArgs) {
  const visible = personWhere(ctx.viewer, await ctx.scope());
  return nestedConnection<Person>(ctx.batches, 'Organization.people', organizationId, args, PEOPLE_ORDER, (ids, page) =>
    childPages<Person>('people', visible, page, (args) =>
      ctx.prisma.organization.findMany({ where: { id: { in: ids } }, ...args }),
    ),
  );
}
