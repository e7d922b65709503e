import type { Attendance, AttendanceStatus, EnrollmentStatus, Feedback, SeminarStatus } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refusable, refuse } from '../../core/versioned.ts';
import { enumWords } from '../../core/words.ts';
import { mayManage } from '../seminars/mutations.ts';
import type {
  AttendanceMarkInput,
  AttendanceMarkPayload,
  FeedbackDeleteInput,
  FeedbackDeletePayload,
  FeedbackGiveInput,
  FeedbackGivePayload,
  FeedbackUpdateInput,
} from './inputs.ts';

/** Advisory lock class for marking a session's attendance (the session is the key within it). */
const ATTENDANCE_LOCK = 72317003;

/** Enrollments of people who took their place: the ones who attend and give feedback. */
const PARTICIPATING: EnrollmentStatus[] = ['CONFIRMED', 'COMPLETED'];
const MAX_ENTRIES = 200;
/** Seminars that have begun: attendance is taken, and the seminar rated, only in these. */
const HELD: SeminarStatus[] = ['IN_PROGRESS', 'COMPLETED'];
/** Attendance that counts as having been there: the ones who rate a session. */
const ATTENDED: AttendanceStatus[] = ['PRESENT', 'LATE'];

/** Attendance is taken for a session that has begun, in a seminar IN_PROGRESS or COMPLETED. */
function notYetHeld(seminar: { status: SeminarStatus }, session: { startsAt: Date }, now: Date): UserError | null {
  if (!HELD.includes(seminar.status)) {
    return userError(
      UserErrorCode.INVALID_TRANSITION,
      `The seminar is ${enumWords(seminar.status)}: attendance is taken once it is in progress, or after it is completed.`,
      ['input', 'sessionId'],
    );
  }
  if (session.startsAt > now) {
    return userError(UserErrorCode.INVALID_TRANSITION, 'The session has not begun: attendance is taken once it has.', [
      'input',
      'sessionId',
    ]);
  }
  return null;
}

export async function markAttendance(ctx: Context, input: AttendanceMarkInput): Promise<AttendanceMarkPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const sessionId = fromGlobalIdOf('Session', input.sessionId, 'input.sessionId');
  const session = await ctx.prisma.session.findUnique({ where: { id: sessionId }, include: { seminar: true } });
  if (!session || !(await mayManage(ctx, session.seminar))) {
    return {
      attendance: [],
      userErrors: [userError(UserErrorCode.NOT_FOUND, 'There is no such session.', ['input', 'sessionId'])],
    };
  }
  const early = notYetHeld(session.seminar, session, new Date());
  if (early) return { attendance: [], userErrors: [early] };
  const checks = new Checks();
  if (input.entries.length < 1 || input.entries.length > MAX_ENTRIES)
    checks.fail('entries', `Give 1 to ${MAX_ENTRIES} entries.`);
  const entries = input.entries.map((entry, index) => ({
    enrollmentId: fromGlobalIdOf('Enrollment', entry.enrollmentId, `input.entries[${index}].enrollmentId`),
    status: entry.status,
    version: entry.version ?? null,
  }));
  const ids = entries.map((entry) => entry.enrollmentId);
  if (new Set(ids).size !== ids.length) checks.fail('entries', 'Each enrollment appears once.');
  const participating = await ctx.prisma.enrollment.findMany({
    where: { id: { in: ids }, seminarId: session.seminarId, status: { in: PARTICIPATING } },
    select: { id: true },
  });
  const known = new Set(participating.map((row) => row.id));
  entries.forEach((entry, index) => {
    if (!known.has(entry.enrollmentId)) {
      checks.errors.push(
        userError(UserErrorCode.INVALID, 'Not a confirmed participant of this seminar.', [
          'input',
          'entries',
          String(index),
          'enrollmentId',
        ]),
      );
    }
  });
  // All or nothing: one bad entry refuses the whole list.
  if (!checks.ok) return { attendance: [], userErrors: checks.errors };

  const outcome = await refusable(ctx.prisma, async (tx) => {
    // One marker at a time per session, so that a version read is still the version written over.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ATTENDANCE_LOCK}::int, hashtext(${sessionId}))`;
    // The seminar's status again, under a share lock: it must not be cancelled under the marks.
    const [seminar] = await tx.$queryRaw<{ status: SeminarStatus }[]>`
      SELECT status FROM "Seminar" WHERE id = ${session.seminarId}::uuid FOR SHARE`;
    const closed = seminar && notYetHeld(seminar, session, new Date());
    if (closed) refuse(closed);
    const saved: Attendance[] = [];
    const conflicts: UserError[] = [];
    for (const [index, entry] of entries.entries()) {
      const before = await tx.attendance.findUnique({
        where: { sessionId_enrollmentId: { sessionId, enrollmentId: entry.enrollmentId } },
      });
      if (entry.version !== null && entry.version !== (before?.version ?? 0)) {
        conflicts.push(
          userError(
            UserErrorCode.CONFLICT,
            `Someone marked this participant since you read it (version ${entry.version}; now ${before?.version ?? 0}).`,
            ['input', 'entries', String(index), 'version'],
          ),
        );
        continue;
      }
      const recordedById = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
      const after = await tx.attendance.upsert({
        where: { sessionId_enrollmentId: { sessionId, enrollmentId: entry.enrollmentId } },
        create: { sessionId, enrollmentId: entry.enrollmentId, status: entry.status, recordedById },
        update: { status: entry.status, recordedById, recordedAt: new Date(), version: { increment: 1 } },
      });
      await recordAudit(tx, ctx, {
        action: 'attendance.mark',
        entityType: 'Attendance',
        entityId: after.id,
        before,
        after,
      });
      saved.push(after);
    }
    // All or nothing, conflicts included: every stale entry is named, and nothing is kept.
    if (conflicts.length > 0) refuse(...conflicts);
    return saved;
  });
  if (!outcome.ok) return { attendance: [], userErrors: outcome.errors };
  const attendance = outcome.result;
  return { attendance, userErrors: [] };
}

/**
 * Feedback comes from those who were there: a session is rated once it has ended, by a participant
 * marked PRESENT or LATE at it; the seminar as a whole once it is IN_PROGRESS or COMPLETED, by a
 * participant marked PRESENT or LATE at one of its sessions at least.
 */
async function checkTookPart(
  ctx: Context,
  enrollmentId: string,
  seminarId: string,
  sessionId: string | null,
  checks: Checks,
): Promise<void> {
  if (sessionId) {
    const session = await ctx.prisma.session.findFirst({
      where: { id: sessionId, seminarId },
      select: { endsAt: true, attendance: { where: { enrollmentId }, select: { status: true } } },
    });
    if (!session) checks.fail('sessionId', 'The seminar has no such session.', UserErrorCode.NOT_FOUND);
    else if (session.endsAt > new Date())
      checks.fail('sessionId', 'The session has not ended: it is rated once it has.', UserErrorCode.INVALID_TRANSITION);
    else if (!session.attendance.some((row) => ATTENDED.includes(row.status)))
      checks.fail('sessionId', 'You are not marked PRESENT or LATE at this session: only those there rate it.');
    return;
  }
  const seminar = await ctx.prisma.seminar.findUniqueOrThrow({ where: { id: seminarId }, select: { status: true } });
  if (!HELD.includes(seminar.status)) {
    checks.fail(
      'seminarId',
      `The seminar is ${enumWords(seminar.status)}: it is rated once it is in progress, or after it is completed.`,
      UserErrorCode.INVALID_TRANSITION,
    );
  } else if ((await ctx.prisma.attendance.count({ where: { enrollmentId, status: { in: ATTENDED } } })) === 0) {
    checks.fail('seminarId', 'You are not marked PRESENT or LATE at any session: only those who took part rate it.');
  }
}

/** The audit trail must not undo anonymity: of anonymous feedback it keeps the rating, not who gave it. */
function audited(feedback: Feedback): Record<string, unknown> {
  return feedback.anonymous ? { rating: feedback.rating, anonymous: true } : feedback;
}

export async function giveFeedback(ctx: Context, input: FeedbackGiveInput): Promise<FeedbackGivePayload> {
  if (ctx.viewer.kind !== 'user' || !ctx.viewer.personId) {
    if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
    return {
      feedback: null,
      userErrors: [userError(UserErrorCode.INVALID, 'Only participants give feedback.', ['input', 'seminarId'])],
    };
  }
  const seminarId = fromGlobalIdOf('Seminar', input.seminarId, 'input.seminarId');
  const sessionId = input.sessionId ? fromGlobalIdOf('Session', input.sessionId, 'input.sessionId') : null;
  const enrollment = await ctx.prisma.enrollment.findFirst({
    where: { seminarId, personId: ctx.viewer.personId, status: { in: PARTICIPATING } },
  });
  if (!enrollment) {
    return {
      feedback: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, 'You take part in no such seminar.', ['input', 'seminarId'])],
    };
  }
  const checks = new Checks()
    .integer('rating', input.rating, { min: 1, max: 5 })
    .text('comment', input.comment, { max: 2000 });
  await checkTookPart(ctx, enrollment.id, seminarId, sessionId, checks);
  if (!checks.ok) return { feedback: null, userErrors: checks.errors };

  return ctx.prisma.$transaction(async (tx) => {
    // One per participant and target: the enrollment row is locked so two submissions queue.
    await tx.$queryRaw`SELECT id FROM "Enrollment" WHERE id = ${enrollment.id}::uuid FOR UPDATE`;
    const existing = await tx.feedback.findFirst({ where: { enrollmentId: enrollment.id, sessionId } });
    if (existing) {
      return {
        feedback: null,
        userErrors: [
          userError(UserErrorCode.CONFLICT, 'You already gave feedback on this.', [
            'input',
            sessionId ? 'sessionId' : 'seminarId',
          ]),
        ],
      };
    }
    const feedback = await tx.feedback.create({
      data: {
        seminarId,
        sessionId,
        enrollmentId: enrollment.id,
        rating: input.rating,
        comment: cleanText(input.comment) ?? null,
        anonymous: input.anonymous ?? false,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.give',
      entityType: 'Feedback',
      entityId: feedback.id,
      before: null,
      after: audited(feedback),
      withActor: !feedback.anonymous,
    });
    return { feedback, userErrors: [] };
  });
}

/** The feedback with whether the viewer wrote it and whether they are its seminar's staff. */
async function feedbackFor(ctx: Context, globalId: string) {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const id = fromGlobalIdOf('Feedback', globalId, 'input.id');
  const found = await ctx.prisma.feedback.findUnique({
    where: { id },
    include: { enrollment: { select: { personId: true } }, seminar: { select: { id: true, programId: true } } },
  });
  if (!found) return null;
  const author = ctx.viewer.kind === 'user' && ctx.viewer.personId === found.enrollment.personId;
  return { found, author, staff: await mayManage(ctx, found.seminar) };
}

const noFeedback = () => userError(UserErrorCode.NOT_FOUND, 'There is no such feedback.', ['input', 'id']);

/** Only its author changes feedback: staff may remove it, never put words in a participant's mouth. */
export async function updateFeedback(ctx: Context, input: FeedbackUpdateInput): Promise<FeedbackGivePayload> {
  const access = await feedbackFor(ctx, input.id);
  if (!access?.author) return { feedback: null, userErrors: [noFeedback()] };
  const checks = new Checks()
    .integer('rating', input.rating, { min: 1, max: 5 })
    .text('comment', input.comment, { max: 2000 });
  if (input.rating === null) checks.fail('rating', 'A rating is required.');
  if (!checks.ok) return { feedback: null, userErrors: checks.errors };

  const outcome = await changeVersioned<Feedback, Feedback>(
    ctx.prisma,
    'Feedback',
    'feedback',
    access.found.id,
    input.version,
    async (tx, before) => {
      const after = await tx.feedback.update({
        where: { id: before.id },
        data: {
          ...(input.rating != null ? { rating: input.rating } : {}),
          ...(input.comment !== undefined ? { comment: cleanText(input.comment) ?? null } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'feedback.update',
        entityType: 'Feedback',
        entityId: before.id,
        before: audited(before),
        after: audited(after),
        withActor: !before.anonymous,
      });
      return after;
    },
  );
  return outcome.ok ? { feedback: outcome.result, userErrors: [] } : { feedback: null, userErrors: outcome.errors };
}

export async function deleteFeedback(ctx: Context, input: FeedbackDeleteInput): Promise<FeedbackDeletePayload> {
  const access = await feedbackFor(ctx, input.id);
  if (!access || !(access.author || access.staff)) return { deletedId: null, userErrors: [noFeedback()] };
  const outcome = await changeVersioned<Feedback, void>(
    ctx.prisma,
    'Feedback',
    'feedback',
    access.found.id,
    input.version,
    async (tx, before) => {
      await tx.feedback.delete({ where: { id: before.id } });
      await recordAudit(tx, ctx, {
        action: 'feedback.delete',
        entityType: 'Feedback',
        entityId: before.id,
        before: audited(before),
        after: null,
        // Staff removing anonymous feedback are on record; its author removing it stays unknown.
        withActor: !before.anonymous || !access.author,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Feedback', access.found.id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
