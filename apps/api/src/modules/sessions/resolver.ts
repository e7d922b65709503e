import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { ConnectionArgs } from '../../core/pagination.ts';
import { Organization } from '../organizations/types.ts';
import { Person } from '../people/types.ts';
import { Place } from '../places/types.ts';
import { Seminar } from '../seminars/types.ts';
import { listSessions } from './service.ts';
import { Session, SessionConnection, SessionSpeaker } from './types.ts';

@Resolver(() => Session)
export class SessionResolver {
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
  sessions(@Root() seminar: Seminar, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
    return listSessions(ctx, args, { seminarId: seminar.id });
  }
}
