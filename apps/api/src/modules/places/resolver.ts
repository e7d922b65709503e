import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { Organization } from '../organizations/types.ts';
import { PlaceCreateInput, PlaceDeleteInput, PlaceDeletePayload, PlacePayload, PlaceUpdateInput } from './inputs.ts';
import { PlaceListArgs } from './list.ts';
import { createPlace, deletePlace, updatePlace } from './mutations.ts';
import { listPlaces } from './service.ts';
import { Place, PlaceConnection } from './types.ts';

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => PlaceConnection, { description: 'All places where sessions are held, by name.' })
  places(@Args(() => PlaceListArgs) args: PlaceListArgs, @Ctx() ctx: Context) {
    return listPlaces(ctx, args);
  }

  @Query(() => Place, { nullable: true, description: 'One place by ID; null when there is none.' })
  place(@Arg('id', () => ID, { description: 'The place’s ID.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.place.load(fromGlobalIdOf('Place', id));
  }

  @Mutation(() => PlacePayload, { description: 'Records a venue, site or hotel. Administrators and coordinators.' })
  placeCreate(
    @Arg('input', () => PlaceCreateInput, { description: 'The place.' }) input: PlaceCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createPlace(ctx, input);
  }

  @Mutation(() => PlacePayload, {
    description: 'Changes a place, if nobody changed it since you read it. Administrators and coordinators.',
  })
  placeUpdate(
    @Arg('input', () => PlaceUpdateInput, { description: 'The changes.' }) input: PlaceUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updatePlace(ctx, input);
  }

  @Mutation(() => PlaceDeletePayload, {
    description:
      'Deletes a place no session is held at; otherwise refuses with IN_USE. Administrators and coordinators.',
  })
  placeDelete(
    @Arg('input', () => PlaceDeleteInput, { description: 'The place to delete.' }) input: PlaceDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deletePlace(ctx, input);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that runs the place.' })
  hostOrganization(@Root() place: Place, @Ctx() ctx: Context) {
    return place.hostOrganizationId ? ctx.loaders.organization.load(place.hostOrganizationId) : null;
  }
}
