import type { Place } from '@seminarhub/db';
import type { Context } from '../../core/context.ts';
import { type ConnectionArgs, paginate } from '../../core/pagination.ts';

/** Every place, by name: places are public reference data, like organizations. */
export function listPlaces(ctx: Context, args: ConnectionArgs) {
  return paginate<Place>({
    args,
    order: { field: 'name', kind: 'string', direction: 'asc', value: (row) => row.name },
    findMany: (page) => ctx.prisma.place.findMany(page),
    count: () => ctx.prisma.place.count(),
  });
}
