import type { Context } from '../../core/context.ts';
import { listConnection } from '../../core/lists/lists.ts';
import { PLACE_LIST, type PlaceListArgs } from './list.ts';

/** Every place, by name unless asked otherwise: places are public reference data, like organizations. */
export function listPlaces(ctx: Context, args: PlaceListArgs) {
  return listConnection(ctx, PLACE_LIST, args, {
    findMany: (query) => ctx.prisma.place.findMany(query),
    count: (where) => ctx.prisma.place.count({ where }),
  });
}
