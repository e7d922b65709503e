import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { toZonedIso } from '../../core/zoned-time.ts';
import { Organization } from '../organizations/types.ts';
import { Person } from '../people/types.ts';
import { Place } from '../places/types.ts';
import { Seminar } from '../seminars/types.ts';
import {
  SessionCreateInput,
  SessionDeleteInput,
  SessionDeletePayload,
  SessionPayload,
  SessionUpdateInput,
} from './inputs.ts';
import { SessionListArgs } from './list.ts';
import { createSession, deleteSession, updateSession } from './mutations.ts';
import { listSessions, sessionsOfSeminar } from './service.ts';
import { Session, SessionConnection, SessionSpeaker } from './types.ts';

@Resolver(() => Session)
export class SessionResolver {
  @Query(() => SessionConnection, {
    description: 'Agenda items across seminars, in time order: what a speaker gives, what a place hosts.',
  })
  sessions(@Args(() => SessionListArgs) args: SessionListArgs, @Ctx() ctx: Context) {
    return listSessions(ctx, args);
  }

  @Mutation(() => SessionPayload, {
    description:
      "Adds an item to a seminar's agenda. Refused in a COMPLETED or CANCELLED seminar, when it falls outside the seminar's dates, or when it books a speaker or place already taken then (CLASH). Administrators and the seminar's coordinators.",
  })
  sessionCreate(
    @Arg('input', () => SessionCreateInput, { description: 'The session.' }) input: SessionCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createSession(ctx, input);
  }

  @Mutation(() => SessionPayload, {
    description:
      'Changes an agenda item (speakers included) under the same rules, if nobody changed it since you read it. The times of a session with attendance or feedback stay (IN_USE).',
  })
  sessionUpdate(
    @Arg('input', () => SessionUpdateInput, { description: 'The changes.' }) input: SessionUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateSession(ctx, input);
  }

  @Mutation(() => SessionDeletePayload, {
    description:
      'Deletes an agenda item without attendance or feedback (otherwise IN_USE), unless its seminar is COMPLETED or CANCELLED.',
  })
  sessionDelete(
    @Arg('input', () => SessionDeleteInput, { description: 'The session.' }) input: SessionDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deleteSession(ctx, input);
  }

  @FieldResolver(() => String, {
    description:
      'When it starts, as ISO 8601 with the offset of the seminar\'s time zone ("2025-10-13T10:00:00+09:00").',
  })
  async startsAtLocal(@Root() session: Session, @Ctx() ctx: Context) {
    const seminar = await ctx.loaders.seminar.load(session.seminarId);
    return toZonedIso(session.startsAt, seminar?.timezone ?? 'UTC');
  }

  @FieldResolver(() => String, { description: "When it ends, as ISO 8601 with the offset of the seminar's time zone." })
  async endsAtLocal(@Root() session: Session, @Ctx() ctx: Context) {
    const seminar = await ctx.loaders.seminar.load(session.seminarId);
    return toZonedIso(session.endsAt, seminar?.timezone ?? 'UTC');
  }

  @FieldResolver(() => Seminar, { description: 'The seminar whose agenda this is part of.' })
  seminar(@Root() session: Session, @Ctx() ctx: Context) {
    return ctx.loaders.seminar.load(session.seminarId);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where it is held.' })
  place(@Root() session: Session, @Ctx() ctx: Context) {
    return session.placeId ? ctx.loaders.place.load(session.placeId) : null;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The organization that hosts it: the ministry presenting, the city service visited.',
  })
  hostOrganization(@Root() session: Session, @Ctx() ctx: Context) {
    return session.hostOrganizationId ? ctx.loaders.organization.load(session.hostOrganizationId) : null;
  }

  @FieldResolver(() => [SessionSpeaker], { description: 'Its speakers, presenters and hosts, in agenda order.' })
  speakers(@Root() session: Session, @Ctx() ctx: Context) {
    return ctx.loaders.speakersBySession.load(session.id);
  }
}

@Resolver(() => SessionSpeaker)
export class SessionSpeakerResolver {
  @FieldResolver(() => Person, { description: 'The person.' })
  person(@Root() speaker: SessionSpeaker, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(speaker.personId);
  }
}

@Resolver(() => Seminar)
export class SeminarSessionsResolver {
  @FieldResolver(() => SessionConnection, { description: "The seminar's agenda, in time order." })
  sessions(@Root() seminar: Seminar, @Args(() => SessionListArgs) args: SessionListArgs, @Ctx() ctx: Context) {
    return sessionsOfSeminar(ctx, seminar.id, args);
  }
}
