import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { readsParticipants } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { toGlobalId } from '../../core/node-id.ts';
import { Enrollment } from '../enrollments/types.ts';
import { Person } from '../people/types.ts';
import { Seminar } from '../seminars/types.ts';
import { Session } from '../sessions/types.ts';
import {
  AttendanceMarkInput,
  AttendanceMarkPayload,
  FeedbackDeleteInput,
  FeedbackDeletePayload,
  FeedbackGiveInput,
  FeedbackGivePayload,
  FeedbackUpdateInput,
} from './inputs.ts';
import { deleteFeedback, giveFeedback, markAttendance, updateFeedback } from './mutations.ts';
import { Attendance, Feedback } from './types.ts';

@Resolver(() => Enrollment)
export class EnrollmentParticipationResolver {
  @FieldResolver(() => [Attendance], { description: 'Attendance at each session recorded so far, in session order.' })
  attendance(@Root() enrollment: Enrollment, @Ctx() ctx: Context) {
    return ctx.loaders.attendanceByEnrollment.load(enrollment.id);
  }

  @FieldResolver(() => [Feedback], {
    description:
      "Feedback given by the participant. Anonymous feedback is listed only to the participant; for anyone else it counts in a session's figures but is never tied to them.",
  })
  async feedback(@Root() enrollment: Enrollment, @Ctx() ctx: Context) {
    const all = await ctx.loaders.feedbackByEnrollment.load(enrollment.id);
    const own = ctx.viewer.kind === 'user' && ctx.viewer.personId === enrollment.personId;
    return own ? all : all.filter((feedback) => !feedback.anonymous);
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => Session, { nullable: true, description: 'The session attended.' })
  session(@Root() attendance: Attendance, @Ctx() ctx: Context) {
    return ctx.loaders.session.load(attendance.sessionId);
  }

  @FieldResolver(() => Enrollment, {
    nullable: true,
    description: 'Whose attendance this is: the participant’s enrollment in the seminar.',
  })
  enrollment(@Root() attendance: Attendance, @Ctx() ctx: Context) {
    return ctx.loaders.enrollment.load(attendance.enrollmentId);
  }
}

@Resolver(() => Feedback)
export class FeedbackResolver {
  @FieldResolver(() => ID, { description: 'Opaque ID, for `feedbackUpdate` and `feedbackDelete`.' })
  id(@Root() feedback: Feedback) {
    return toGlobalId('Feedback', feedback.id);
  }

  @FieldResolver(() => Session, { nullable: true, description: 'The session rated; null for the seminar as a whole.' })
  session(@Root() feedback: Feedback, @Ctx() ctx: Context) {
    return feedback.sessionId ? ctx.loaders.session.load(feedback.sessionId) : null;
  }
}

@Resolver()
export class ParticipationMutationResolver {
  @Mutation(() => AttendanceMarkPayload, {
    description:
      "Records attendance at a session for many participants at once, all or nothing: only for a session that has begun, in a seminar IN_PROGRESS or COMPLETED. Administrators and the seminar's coordinators.",
  })
  attendanceMark(
    @Arg('input', () => AttendanceMarkInput, { description: 'The session and the entries.' })
    input: AttendanceMarkInput,
    @Ctx() ctx: Context,
  ) {
    return markAttendance(ctx, input);
  }

  @Mutation(() => FeedbackGivePayload, {
    description:
      'Rates a session, or the seminar, once per participant; optionally anonymous. A session once it has ended, by participants marked PRESENT or LATE at it; the seminar once IN_PROGRESS or COMPLETED, by participants marked PRESENT or LATE at one of its sessions.',
  })
  feedbackGive(
    @Arg('input', () => FeedbackGiveInput, { description: 'The rating and comment.' }) input: FeedbackGiveInput,
    @Ctx() ctx: Context,
  ) {
    return giveFeedback(ctx, input);
  }

  @Mutation(() => FeedbackGivePayload, {
    description: 'Changes the rating or comment of your own feedback; anonymous feedback stays anonymous. Its author.',
  })
  feedbackUpdate(
    @Arg('input', () => FeedbackUpdateInput, { description: 'The changes.' }) input: FeedbackUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateFeedback(ctx, input);
  }

  @Mutation(() => FeedbackDeletePayload, {
    description: "Deletes feedback. Its author, and the seminar's staff.",
  })
  feedbackDelete(
    @Arg('input', () => FeedbackDeleteInput, { description: 'The feedback.' }) input: FeedbackDeleteInput,
    @Ctx() ctx: Context,
  ) {
    return deleteFeedback(ctx, input);
  }
}

@Resolver(() => Session)
export class SessionFiguresResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Share of recorded participants who attended (PRESENT or LATE), 0 to 1; null before any is recorded, and for viewers who may not list the seminar's enrollments (its staff may).",
  })
  async attendanceRate(@Root() session: Session, @Ctx() ctx: Context) {
    if (!readsParticipants(ctx.viewer, await ctx.scope(), session.seminarId)) return null;
    return (await ctx.loaders.sessionFigures.load(session.id)).attendanceRate;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Mean rating of its feedback, 1 to 5; null without feedback.',
  })
  async averageRating(@Root() session: Session, @Ctx() ctx: Context) {
    return (await ctx.loaders.sessionFigures.load(session.id)).averageRating;
  }

  @FieldResolver(() => Int, { description: 'How many participants rated it, anonymous ones included.' })
  async feedbackCount(@Root() session: Session, @Ctx() ctx: Context) {
    return (await ctx.loaders.sessionFigures.load(session.id)).feedbackCount;
  }
}

@Resolver(() => Seminar)
export class SeminarFiguresResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Share of attendance records over all its sessions that are PRESENT or LATE, 0 to 1; null before any, and for viewers who may not list the seminar's enrollments (its staff may).",
  })
  async attendanceRate(@Root() seminar: Seminar, @Ctx() ctx: Context) {
    if (!readsParticipants(ctx.viewer, await ctx.scope(), seminar.id)) return null;
    return (await ctx.loaders.seminarFigures.load(seminar.id)).attendanceRate;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Mean rating of the seminar as a whole (not of its sessions), 1 to 5; null without feedback.',
  })
  async averageRating(@Root() seminar: Seminar, @Ctx() ctx: Context) {
    return (await ctx.loaders.seminarFigures.load(seminar.id)).averageRating;
  }

  @FieldResolver(() => Int, { description: 'How many participants rated the seminar as a whole.' })
  async feedbackCount(@Root() seminar: Seminar, @Ctx() ctx: Context) {
    return (await ctx.loaders.seminarFigures.load(seminar.id)).feedbackCount;
  }
}

@Resolver(() => Person)
export class PersonParticipationResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Sessions the person attended (PRESENT or LATE) across all seminars. Personal: see the type’s description.',
  })
  async sessionsAttended(@Root() person: Person, @Ctx() ctx: Context) {
    if (!(await ctx.loaders.personalDetails.load(person.id))) return null;
    return ctx.loaders.sessionsAttendedByPerson.load(person.id);
  }
}
