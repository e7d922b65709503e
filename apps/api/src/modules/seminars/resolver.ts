import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { Organization } from '../organizations/types.ts';
import { Program } from '../programs/types.ts';
import {
  SeminarCreateInput,
  SeminarDeleteInput,
  SeminarDeletePayload,
  SeminarPayload,
  SeminarTransitionInput,
  SeminarUpdateInput,
} from './inputs.ts';
import { SeminarListArgs } from './list.ts';
import { createSeminar, deleteSeminar, mayManage, transitionSeminar, updateSeminar } from './mutations.ts';
import { listSeminars, seminarsOfProgram } from './service.ts';
import { Seminar, SeminarConnection } from './types.ts';

@Resolver(() => Seminar)
export class SeminarResolver {
  @Query(() => SeminarConnection, { description: 'All seminars, the latest first.' })
  seminars(@Args(() => SeminarListArgs) args: SeminarListArgs, @Ctx() ctx: Context) {
    return listSeminars(ctx, args);
  }

  @Query(() => Seminar, { nullable: true, description: 'One seminar by ID; null when there is none.' })
  seminar(@Arg('id', () => ID, { description: 'The seminar’s ID.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.seminar.load(fromGlobalIdOf('Seminar', id));
  }

  @Mutation(() => SeminarPayload, {
    description: 'Creates a DRAFT seminar in a programme. Administrators, and coordinators of the programme.',
  })
  seminarCreate(
    @Arg('input', () => SeminarCreateInput, { description: 'The seminar.' }) input: SeminarCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createSeminar(ctx, input);
  }

  @Mutation(() => SeminarPayload, {
    description:
      'Changes a seminar, if nobody changed it since you read it. Refused once it is COMPLETED or CANCELLED, for a capacity below the places taken (ACCEPTED, CONFIRMED, COMPLETED), for dates that leave a session outside, and for a first day not yet begun while IN_PROGRESS. Administrators and its coordinators.',
  })
  seminarUpdate(
    @Arg('input', () => SeminarUpdateInput, { description: 'The changes.' }) input: SeminarUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateSeminar(ctx, input);
  }

  @Mutation(() => SeminarPayload, { description: 'DRAFT to PUBLISHED: announces the seminar and its agenda.' })
  seminarPublish(
    @Arg('input', () => SeminarTransitionInput, { description: 'The seminar.' }) input: SeminarTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionSeminar(ctx, 'publish', input);
  }

  @Mutation(() => SeminarPayload, {
    description:
      'PUBLISHED to IN_PROGRESS: the seminar has begun; refused before its first day has begun in its own time zone.',
  })
  seminarStart(
    @Arg('input', () => SeminarTransitionInput, { description: 'The seminar.' }) input: SeminarTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionSeminar(ctx, 'start', input);
  }

  @Mutation(() => SeminarPayload, {
    description:
      'IN_PROGRESS to COMPLETED: the seminar has been held; refused before its last day has begun in its own time zone.',
  })
  seminarComplete(
    @Arg('input', () => SeminarTransitionInput, { description: 'The seminar.' }) input: SeminarTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionSeminar(ctx, 'complete', input);
  }

  @Mutation(() => SeminarPayload, {
    description: 'DRAFT, PUBLISHED or IN_PROGRESS to CANCELLED: the seminar is called off.',
  })
  seminarCancel(
    @Arg('input', () => SeminarTransitionInput, { description: 'The seminar.' }) input: SeminarTransitionInput,
    @Ctx() ctx: Context,
  ) {
    return transitionSeminar(ctx, 'cancel', input);
  }

  @Mutation(() => SeminarDeletePayload, {
    description:
      'Deletes a DRAFT seminar made by mistake. A seminar past DRAFT is refused with INVALID_TRANSITION, and a DRAFT with sessions, enrollments, proposals or feedback with IN_USE: call those off with seminarCancel instead. Administrators and coordinators of its programme.',
  })
  seminarDelete(
    @Arg('input', () => SeminarDeleteInput, { description: 'The seminar to delete.' }) input: SeminarDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deleteSeminar(ctx, input);
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

  @FieldResolver(() => Boolean, {
    description:
      'Whether the viewer may manage this seminar: change it and its agenda, decide enrollments, record attendance and decide its proposals. True for administrators, READ_WRITE API keys and its coordinators; screens offer those actions only when it is.',
  })
  viewerCanManage(@Root() seminar: Seminar, @Ctx() ctx: Context): Promise<boolean> | boolean {
    const { viewer } = ctx;
    if (viewer.kind === 'anonymous') return false;
    if (viewer.kind === 'apiKey') return viewer.scope === 'READ_WRITE';
    if (viewer.role !== 'ADMIN' && viewer.role !== 'COORDINATOR') return false;
    return mayManage(ctx, seminar);
  }
}

@Resolver(() => Program)
export class ProgramSeminarsResolver {
  @FieldResolver(() => SeminarConnection, { description: 'The programme’s seminars, the latest first.' })
  seminars(@Root() program: Program, @Args(() => SeminarListArgs) args: SeminarListArgs, @Ctx() ctx: Context) {
    return seminarsOfProgram(ctx, program.id, args);
  }
}
