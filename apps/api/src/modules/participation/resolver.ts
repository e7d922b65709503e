import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.ts';
import { Enrollment } from '../enrollments/types.ts';
import { Session } from '../sessions/types.ts';
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
}

@Resolver(() => Feedback)
export class FeedbackResolver {
  @FieldResolver(() => Session, { nullable: true, description: 'The session rated; null for the seminar as a whole.' })
  session(@Root() feedback: Feedback, @Ctx() ctx: Context) {
    return feedback.sessionId ? ctx.loaders.session.load(feedback.sessionId) : null;
  }
}
