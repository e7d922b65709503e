import type { Prisma, Seminar, Session, SpeakerRole } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refuse } from '../../core/versioned.ts';
import { daySpan, zonedSpan } from '../../core/words.ts';
import { toZonedIso } from '../../core/zoned-time.ts';
import { closedSeminar, mayManage, requireManagerRole } from '../seminars/mutations.ts';
import type {
  SessionCreateInput,
  SessionDeleteInput,
  SessionDeletePayload,
  SessionPayload,
  SessionSpeakerInput,
  SessionUpdateInput,
} from './inputs.ts';

const MAX_SPEAKERS = 20;
const MAX_DURATION_MS = 24 * 60 * 60_000;

interface Plan {
  startsAt: Date;
  endsAt: Date;
  placeId: string | null;
  speakers: { personId: string; role: SpeakerRole }[];
}

function decodeSpeakers(speakers: SessionSpeakerInput[]) {
  return speakers.map((speaker, index) => ({
    personId: fromGlobalIdOf('Person', speaker.personId, `input.speakers[${index}].personId`),
    role: speaker.role ?? 'SPEAKER',
  }));
}

/**
 * The agenda rules: the session lies within the seminar's days (in its time zone), ends after it
 * starts, and books no speaker or place that another session holds at the same time.
 */
async function checkPlan(
  tx: Prisma.TransactionClient,
  seminar: Seminar,
  plan: Plan,
  selfId: string | null,
  checks: Checks,
) {
  if (plan.endsAt <= plan.startsAt) checks.fail('endsAt', 'It must end after it starts.');
  else if (plan.endsAt.getTime() - plan.startsAt.getTime() > MAX_DURATION_MS)
    checks.fail('endsAt', 'A session lasts at most 24 hours.');
  const day = (instant: Date) => toZonedIso(instant, seminar.timezone).slice(0, 10);
  const first = seminar.startDate.toISOString().slice(0, 10);
  const last = seminar.endDate.toISOString().slice(0, 10);
  if (day(plan.startsAt) < first || day(plan.endsAt) > last) {
    checks.fail(
      'startsAt',
      `The seminar runs from ${daySpan(seminar.startDate, seminar.endDate)} (${seminar.timezone}); the session must fall within.`,
    );
  }
  if (plan.speakers.length > MAX_SPEAKERS) checks.fail('speakers', `At most ${MAX_SPEAKERS} people per session.`);
  const personIds = [...new Set(plan.speakers.map((speaker) => speaker.personId))];
  if (personIds.length !== plan.speakers.length) checks.fail('speakers', 'Each person appears once.');
  const found = await tx.person.count({ where: { id: { in: personIds } } });
  if (found !== personIds.length)
    checks.fail('speakers', 'A person in the list does not exist.', UserErrorCode.NOT_FOUND);
  if (!checks.ok) return;

  if (!plan.placeId && personIds.length === 0) return;
  const overlapping = {
    startsAt: { lt: plan.endsAt },
    endsAt: { gt: plan.startsAt },
    ...(selfId ? { id: { not: selfId } } : {}),
  };
  const clashes = await tx.session.findMany({
    where: {
      ...overlapping,
      OR: [
        ...(plan.placeId ? [{ placeId: plan.placeId }] : []),
        ...(personIds.length ? [{ speakers: { some: { personId: { in: personIds } } } }] : []),
      ],
    },
    include: { speakers: { include: { person: true } }, place: true, seminar: { select: { timezone: true } } },
    orderBy: { startsAt: 'asc' },
    take: 5,
  });
  for (const clash of clashes) {
    const when = zonedSpan(clash.startsAt, clash.endsAt, clash.seminar.timezone);
    if (plan.placeId && clash.placeId === plan.placeId) {
      checks.fail(
        'placeId',
        `${clash.place?.name ?? 'The place'} is booked for "${clash.title}" (${when}).`,
        UserErrorCode.CLASH,
      );
    }
    for (const speaker of clash.speakers.filter((s) => personIds.includes(s.personId))) {
      checks.fail(
        'speakers',
        `${speaker.person.givenName} ${speaker.person.familyName} speaks at "${clash.title}" (${when}).`,
        UserErrorCode.CLASH,
      );
    }
  }
}

async function checkReferences(
  ctx: Context,
  checks: Checks,
  refs: { placeId?: string | null; hostOrganizationId?: string | null },
) {
  if (refs.placeId && !(await ctx.prisma.place.findUnique({ where: { id: refs.placeId }, select: { id: true } }))) {
    checks.fail('placeId', 'There is no such place.', UserErrorCode.NOT_FOUND);
  }
  if (
    refs.hostOrganizationId &&
    !(await ctx.prisma.organization.findUnique({ where: { id: refs.hostOrganizationId }, select: { id: true } }))
  ) {
    checks.fail('hostOrganizationId', 'There is no such organization.', UserErrorCode.NOT_FOUND);
  }
}

// Clashes span seminars (a speaker is one person everywhere), so agenda writes take turns; they are
// rare enough that one lock costs nothing, and it keeps two clashing bookings from both passing.
const lockAgenda = (tx: Prisma.TransactionClient) => tx.$executeRaw`SELECT pg_advisory_xact_lock(72317002)`;

/**
 * Nothing on the agenda of a COMPLETED or CANCELLED seminar changes. The seminar row is read under a
 * share lock, so that it cannot close while the change is being written.
 */
async function closedAgenda(tx: Prisma.TransactionClient, seminarId: string, field: string) {
  const [seminar] = await tx.$queryRaw<Pick<Seminar, 'status'>[]>`
    SELECT status FROM "Seminar" WHERE id = ${seminarId}::uuid FOR SHARE`;
  return seminar ? closedSeminar(seminar, field, 'its agenda') : null;
}

/** Attendance and feedback record a session as it was held: its times stay as they were. */
async function heldAsRecorded(tx: Prisma.TransactionClient, before: Session, plan: Plan, checks: Checks) {
  if (plan.startsAt.getTime() === before.startsAt.getTime() && plan.endsAt.getTime() === before.endsAt.getTime())
    return;
  const records =
    (await tx.attendance.count({ where: { sessionId: before.id } })) +
    (await tx.feedback.count({ where: { sessionId: before.id } }));
  if (records > 0) {
    checks.fail(
      'startsAt',
      'The session has attendance or feedback recorded as it was held; its times no longer change.',
      UserErrorCode.IN_USE,
    );
  }
}

const notFound = (field: string, noun: string): UserError =>
  userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', field]);

export async function createSession(ctx: Context, input: SessionCreateInput): Promise<SessionPayload> {
  requireManagerRole(ctx);
  const seminarId = fromGlobalIdOf('Seminar', input.seminarId, 'input.seminarId');
  const placeId = input.placeId ? fromGlobalIdOf('Place', input.placeId, 'input.placeId') : null;
  const hostOrganizationId = input.hostOrganizationId
    ? fromGlobalIdOf('Organization', input.hostOrganizationId, 'input.hostOrganizationId')
    : null;
  const speakers = decodeSpeakers(input.speakers ?? []);
  const seminar = await ctx.prisma.seminar.findUnique({ where: { id: seminarId } });
  if (!seminar || !(await mayManage(ctx, seminar)))
    return { session: null, userErrors: [notFound('seminarId', 'seminar')] };

  const checks = new Checks()
    .text('title', input.title, { min: 1, max: 300, required: true })
    .text('description', input.description, { max: 10_000 })
    .text('language', input.language, { max: 35 });
  await checkReferences(ctx, checks, { placeId, hostOrganizationId });
  const result = await ctx.prisma.$transaction(async (tx) => {
    await lockAgenda(tx);
    const closed = await closedAgenda(tx, seminarId, 'seminarId');
    if (closed) return [closed];
    await checkPlan(tx, seminar, { startsAt: input.startsAt, endsAt: input.endsAt, placeId, speakers }, null, checks);
    if (!checks.ok) return checks.errors;
    const created = await tx.session.create({
      data: {
        seminarId,
        kind: input.kind,
        title: input.title.trim(),
        description: cleanText(input.description) ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        placeId,
        hostOrganizationId,
        language: cleanText(input.language) ?? null,
        attendanceRequired: input.attendanceRequired ?? true,
        speakers: { create: speakers.map((speaker, position) => ({ ...speaker, position })) },
      },
    });
    await recordAudit(tx, ctx, {
      action: 'session.create',
      entityType: 'Session',
      entityId: created.id,
      before: null,
      after: { ...created, speakers },
    });
    return created;
  });
  return Array.isArray(result) ? { session: null, userErrors: result } : { session: result, userErrors: [] };
}

/** The session and its seminar, when the viewer manages that seminar; otherwise it looks missing. */
async function manageable(ctx: Context, globalId: string) {
  requireManagerRole(ctx);
  const id = fromGlobalIdOf('Session', globalId, 'input.id');
  const session = await ctx.prisma.session.findUnique({ where: { id }, include: { seminar: true, speakers: true } });
  if (!session || !(await mayManage(ctx, session.seminar))) return null;
  return session;
}

export async function updateSession(ctx: Context, input: SessionUpdateInput): Promise<SessionPayload> {
  const current = await manageable(ctx, input.id);
  if (!current) return { session: null, userErrors: [notFound('id', 'session')] };
  const placeId =
    input.placeId === undefined
      ? undefined
      : input.placeId === null
        ? null
        : fromGlobalIdOf('Place', input.placeId, 'input.placeId');
  const hostOrganizationId =
    input.hostOrganizationId === undefined
      ? undefined
      : input.hostOrganizationId === null
        ? null
        : fromGlobalIdOf('Organization', input.hostOrganizationId, 'input.hostOrganizationId');
  const speakers = input.speakers ? decodeSpeakers(input.speakers) : undefined;
  const checks = new Checks()
    .text('title', input.title ?? undefined, { min: 1, max: 300 })
    .text('description', input.description, { max: 10_000 })
    .text('language', input.language, { max: 35 });
  if (input.title === null) checks.fail('title', 'A title is required.');
  await checkReferences(ctx, checks, { placeId, hostOrganizationId });

  const outcome = await changeVersioned<Session, Session>(
    ctx.prisma,
    'Session',
    'session',
    current.id,
    input.version,
    async (tx, before) => {
      await lockAgenda(tx);
      const closed = await closedAgenda(tx, before.seminarId, 'id');
      if (closed) refuse(closed);
      const plan: Plan = {
        startsAt: input.startsAt ?? before.startsAt,
        endsAt: input.endsAt ?? before.endsAt,
        placeId: placeId === undefined ? before.placeId : placeId,
        speakers: speakers ?? current.speakers.map(({ personId, role }) => ({ personId, role })),
      };
      await checkPlan(tx, current.seminar, plan, current.id, checks);
      await heldAsRecorded(tx, before, plan, checks);
      if (!checks.ok) refuse(...checks.errors);
      if (speakers) {
        await tx.sessionSpeaker.deleteMany({ where: { sessionId: current.id } });
        await tx.sessionSpeaker.createMany({
          data: speakers.map((speaker, position) => ({ ...speaker, position, sessionId: current.id })),
        });
      }
      const after = await tx.session.update({
        where: { id: current.id },
        data: {
          ...(input.kind != null ? { kind: input.kind } : {}),
          ...(input.title != null ? { title: input.title.trim() } : {}),
          ...(input.description !== undefined ? { description: cleanText(input.description) ?? null } : {}),
          ...(input.language !== undefined ? { language: cleanText(input.language) ?? null } : {}),
          ...(input.attendanceRequired != null ? { attendanceRequired: input.attendanceRequired } : {}),
          ...(placeId !== undefined ? { placeId } : {}),
          ...(hostOrganizationId !== undefined ? { hostOrganizationId } : {}),
          startsAt: plan.startsAt,
          endsAt: plan.endsAt,
          version: { increment: 1 },
        },
      });
      const speakersOf = (list: { personId: string; role: SpeakerRole }[]) =>
        list.map(({ personId, role }) => ({ personId, role }));
      await recordAudit(tx, ctx, {
        action: 'session.update',
        entityType: 'Session',
        entityId: current.id,
        before: { ...before, speakers: speakersOf(current.speakers) },
        after: { ...after, speakers: speakersOf(plan.speakers) },
      });
      return after;
    },
  );
  return outcome.ok ? { session: outcome.result, userErrors: [] } : { session: null, userErrors: outcome.errors };
}

/** Attendance and feedback are history: a session that has them is not deleted. */
export async function deleteSession(ctx: Context, input: SessionDeleteInput): Promise<SessionDeletePayload> {
  const current = await manageable(ctx, input.id);
  if (!current) return { deletedId: null, userErrors: [notFound('id', 'session')] };
  const outcome = await changeVersioned<Session, void>(
    ctx.prisma,
    'Session',
    'session',
    current.id,
    input.version,
    async (tx, before) => {
      const closed = await closedAgenda(tx, before.seminarId, 'id');
      if (closed) refuse(closed);
      const [attendance, feedback] = await Promise.all([
        tx.attendance.count({ where: { sessionId: current.id } }),
        tx.feedback.count({ where: { sessionId: current.id } }),
      ]);
      if (attendance + feedback > 0) {
        refuse(
          userError(
            UserErrorCode.IN_USE,
            `The session has ${attendance} attendance record(s) and ${feedback} feedback; deleting it would lose them.`,
            ['input', 'id'],
          ),
        );
      }
      await tx.session.delete({ where: { id: current.id } });
      await recordAudit(tx, ctx, {
        action: 'session.delete',
        entityType: 'Session',
        entityId: current.id,
        before,
        after: null,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Session', current.id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
