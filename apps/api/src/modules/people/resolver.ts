import { Sex as SexEnum } from '@seminarhub/db';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { Organization } from '../organizations/types.ts';
import {
  PersonCreateInput,
  PersonDeleteInput,
  PersonDeletePayload,
  PersonPayload,
  PersonUpdateInput,
} from './inputs.ts';
import { PersonListArgs } from './list.ts';
import { createPerson, deletePerson, updatePerson } from './mutations.ts';
import { listPeople, peopleOfOrganization } from './service.ts';
import { Person, PersonConnection } from './types.ts';

@Resolver(() => Person)
export class PersonResolver {
  @Mutation(() => PersonPayload, {
    description: 'Records a participant, speaker or expert. Administrators and coordinators.',
  })
  personCreate(
    @Arg('input', () => PersonCreateInput, { description: 'The person.' }) input: PersonCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createPerson(ctx, input);
  }

  @Mutation(() => PersonPayload, {
    description:
      "Changes a person's record, if nobody changed it since you read it. Staff for anyone; a person for themself.",
  })
  personUpdate(
    @Arg('input', () => PersonUpdateInput, { description: 'The changes.' }) input: PersonUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updatePerson(ctx, input);
  }

  @Mutation(() => PersonDeletePayload, {
    description:
      'Deletes a person recorded by mistake. Refused with IN_USE while they speak in a session, are enrolled, are on a proposal team, have reviewed or been assigned to review, or have an account. Administrators and coordinators.',
  })
  personDelete(
    @Arg('input', () => PersonDeleteInput, { description: 'The person to delete.' }) input: PersonDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deletePerson(ctx, input);
  }

  @Query(() => PersonConnection, { description: 'All people, by family name.' })
  people(@Args(() => PersonListArgs) args: PersonListArgs, @Ctx() ctx: Context) {
    return listPeople(ctx, args);
  }

  @Query(() => Person, { nullable: true, description: 'One person by ID; null when there is none.' })
  person(@Arg('id', () => ID, { description: 'The person’s ID.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(fromGlobalIdOf('Person', id));
  }

  @FieldResolver(() => String, { description: 'Given and family name, as printed on agendas and certificates.' })
  fullName(@Root() person: Person) {
    return `${person.givenName} ${person.familyName}`;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Email address. Personal: see the type’s description.' })
  async email(@Root() person: Person, @Ctx() ctx: Context) {
    return (await ctx.loaders.personalDetails.load(person.id))?.email ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone number. Personal: see the type’s description.' })
  async phone(@Root() person: Person, @Ctx() ctx: Context) {
    return (await ctx.loaders.personalDetails.load(person.id))?.phone ?? null;
  }

  @FieldResolver(() => SexEnum, {
    nullable: true,
    description: 'Sex, for reporting. Personal: see the type’s description.',
  })
  async sex(@Root() person: Person, @Ctx() ctx: Context) {
    return (await ctx.loaders.personalDetails.load(person.id))?.sex ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Year of birth. Personal: see the type’s description.' })
  async birthYear(@Root() person: Person, @Ctx() ctx: Context) {
    return (await ctx.loaders.personalDetails.load(person.id))?.birthYear ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Nationality, as an ISO 3166-1 alpha-2 code. Personal: see the type’s description.',
  })
  async nationality(@Root() person: Person, @Ctx() ctx: Context) {
    return (await ctx.loaders.personalDetails.load(person.id))?.nationality ?? null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the person works for.' })
  organization(@Root() person: Person, @Ctx() ctx: Context) {
    return person.organizationId ? ctx.loaders.organization.load(person.organizationId) : null;
  }
}

@Resolver(() => Organization)
export class OrganizationPeopleResolver {
  @FieldResolver(() => PersonConnection, { description: 'The people who work for this organization, by family name.' })
  people(@Root() organization: Organization, @Args(() => PersonListArgs) args: PersonListArgs, @Ctx() ctx: Context) {
    return peopleOfOrganization(ctx, organization.id, args);
  }
}
