import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import {
  OrganizationCreateInput,
  OrganizationDeleteInput,
  OrganizationDeletePayload,
  OrganizationPayload,
  OrganizationUpdateInput,
} from './inputs.ts';
import { OrganizationListArgs } from './list.ts';
import { createOrganization, deleteOrganization, updateOrganization } from './mutations.ts';
import { childrenOfOrganization, listOrganizations } from './service.ts';
import { Organization, OrganizationConnection } from './types.ts';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'All organizations, by name.' })
  organizations(@Args(() => OrganizationListArgs) args: OrganizationListArgs, @Ctx() ctx: Context) {
    return listOrganizations(ctx, args);
  }

  @Query(() => Organization, { nullable: true, description: 'One organization by ID; null when there is none.' })
  organization(@Arg('id', () => ID, { description: 'The organization’s ID.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.organization.load(fromGlobalIdOf('Organization', id));
  }

  @Mutation(() => OrganizationPayload, { description: 'Records an organization. Administrators and coordinators.' })
  organizationCreate(
    @Arg('input', () => OrganizationCreateInput, { description: 'The organization.' }) input: OrganizationCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createOrganization(ctx, input);
  }

  @Mutation(() => OrganizationPayload, {
    description: 'Changes an organization, if nobody changed it since you read it. Administrators and coordinators.',
  })
  organizationUpdate(
    @Arg('input', () => OrganizationUpdateInput, { description: 'The changes.' }) input: OrganizationUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateOrganization(ctx, input);
  }

  @Mutation(() => OrganizationDeletePayload, {
    description:
      'Deletes an organization nothing refers to; otherwise refuses with IN_USE. Administrators and coordinators.',
  })
  organizationDelete(
    @Arg('input', () => OrganizationDeleteInput, { description: 'The organization to delete.' })
    input: OrganizationDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deleteOrganization(ctx, input);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization this one is part of (the city government of a city service).',
  })
  parent(@Root() organization: Organization, @Ctx() ctx: Context) {
    return organization.parentId ? ctx.loaders.organization.load(organization.parentId) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'The organizations that are part of this one, by name.' })
  children(
    @Root() organization: Organization,
    @Args(() => OrganizationListArgs) args: OrganizationListArgs,
    @Ctx() ctx: Context,
  ) {
    return childrenOfOrganization(ctx, organization.id, args);
  }
}
