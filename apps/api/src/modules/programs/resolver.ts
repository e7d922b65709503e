import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { Organization } from '../organizations/types.ts';
import { ProgramListArgs } from './list.ts';
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
