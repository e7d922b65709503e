import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { Organization } from '../organizations/types.ts';
import { Place } from './types.ts';

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that runs the place.' })
  hostOrganization(@Root() place: Place, @Ctx() ctx: Context) {
    return place.hostOrganizationId ? ctx.loaders.organization.load(place.hostOrganizationId) : null;
  }
}
