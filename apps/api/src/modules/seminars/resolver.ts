import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { ConnectionArgs } from '../../core/pagination.ts';
import { Organization } from '../organizations/types.ts';
import { Program } from '../programs/types.ts';
import { listSeminars } from './service.ts';
import { Seminar, SeminarConnection } from './types.ts';

@Resolver(() => Seminar)
export class SeminarResolver {
  @Query(() => SeminarConnection, { description: 'All seminars, the latest first.' })
  seminars(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
    return listSeminars(ctx, args);
  }

  @Query(() => Seminar, { nullable: true, description: 'One seminar by ID; null when there is none.' })
  seminar(@Arg('id', () => ID, { description: 'The seminar’s ID.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.seminar.load(fromGlobalIdOf('Seminar', id));
  }

  @FieldResolver(() => Program, { description: 'The programme this seminar is a cohort of.' })
  program(@Root() seminar: Seminar, @Ctx() ctx: Context) {
    return ctx.loaders.program.load(seminar.programId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The partner ministry or agency whose staff take part.',
  })
  partner(@Root() seminar: Seminar, @Ctx() ctx: Context) {
    return seminar.partnerId ? ctx.loaders.organization.load(seminar.partnerId) : null;
  }
}

@Resolver(() => Program)
export class ProgramSeminarsResolver {
  @FieldResolver(() => SeminarConnection, { description: 'The programme’s seminars, the latest first.' })
  seminars(@Root() program: Program, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
    return listSeminars(ctx, args, { programId: program.id });
  }
}
