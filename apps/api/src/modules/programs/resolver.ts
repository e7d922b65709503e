import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { Organization } from '../organizations/types.ts';
import {
  ProgramCreateInput,
  ProgramDeleteInput,
  ProgramDeletePayload,
  ProgramPayload,
  ProgramUpdateInput,
} from './inputs.ts';
import { ProgramListArgs } from './list.ts';
import { createProgram, deleteProgram, updateProgram } from './mutations.ts';
import { listPrograms } from './service.ts';
import { Program, ProgramConnection, ReviewCriterion } from './types.ts';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => ProgramConnection, { description: 'All programmes, by title.' })
  programs(@Args(() => ProgramListArgs) args: ProgramListArgs, @Ctx() ctx: Context) {
    return listPrograms(ctx, args);
  }

  @Query(() => Program, { nullable: true, description: 'One programme by ID; null when there is none.' })
  program(@Arg('id', () => ID, { description: 'The programme’s ID.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.program.load(fromGlobalIdOf('Program', id));
  }

  @Mutation(() => ProgramPayload, {
    description: 'Sets up a programme, with a code no other programme has. Administrators.',
  })
  programCreate(
    @Arg('input', () => ProgramCreateInput, { description: 'The programme.' }) input: ProgramCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createProgram(ctx, input);
  }

  @Mutation(() => ProgramPayload, {
    description:
      'Changes a programme, if nobody changed it since you read it. Administrators and the programme’s coordinators.',
  })
  programUpdate(
    @Arg('input', () => ProgramUpdateInput, { description: 'The changes.' }) input: ProgramUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateProgram(ctx, input);
  }

  @Mutation(() => ProgramDeletePayload, {
    description:
      'Deletes a programme that has no seminars, together with its review criteria and coordinator assignments; while it has seminars, refuses with IN_USE. Administrators.',
  })
  programDelete(
    @Arg('input', () => ProgramDeleteInput, { description: 'The programme to delete.' }) input: ProgramDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deleteProgram(ctx, input);
  }

  @FieldResolver(() => Organization, { description: 'The organization that funds the programme.' })
  funder(@Root() program: Program, @Ctx() ctx: Context) {
    return ctx.loaders.organization.load(program.funderId);
  }

  @FieldResolver(() => Organization, { description: 'The organization that runs the programme.' })
  implementer(@Root() program: Program, @Ctx() ctx: Context) {
    return ctx.loaders.organization.load(program.implementerId);
  }

  @FieldResolver(() => [ReviewCriterion], { description: 'The criteria its proposals are reviewed on, in order.' })
  reviewCriteria(@Root() program: Program, @Ctx() ctx: Context) {
    return ctx.loaders.criteriaByProgram.load(program.id);
  }
}

@Resolver(() => ReviewCriterion)
export class ReviewCriterionResolver {
  @FieldResolver(() => Program, { description: 'The programme this criterion belongs to.' })
  program(@Root() criterion: ReviewCriterion, @Ctx() ctx: Context) {
    return ctx.loaders.program.load(criterion.programId);
  }
}
