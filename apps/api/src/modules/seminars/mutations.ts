import type { Prisma, Seminar, SeminarStatus } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { forbidden, unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf, toGlobalId } from '../../core/node-id.ts';
import { type TimeZones, timeZonesOf } from '../../core/time-zones.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks, cleanText } from '../../core/validation.ts';
import { changeVersioned, refuse } from '../../core/versioned.ts';
import { calendarDay, enumWords, stepRefused } from '../../core/words.ts';
import { dayHasBegun } from '../../core/zoned-time.ts';
import { placesTaken } from '../enrollments/places.ts';
import type {
  SeminarCreateInput,
  SeminarDeleteInput,
  SeminarDeletePayload,
  SeminarPayload,
  SeminarTransitionInput,
  SeminarUpdateInput,
} from './inputs.ts';

/** The seminar life cycle; every other move is refused with INVALID_TRANSITION. */
export const SEMINAR_TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
  start: { from: ['PUBLISHED'], to: 'IN_PROGRESS' },
  complete: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  cancel: { from: ['DRAFT', 'PUBLISHED', 'IN_PROGRESS'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: SeminarStatus[]; to: SeminarStatus }>;

export type SeminarTransition = keyof typeof SEMINAR_TRANSITIONS;

/** A seminar that is over or called off is history: neither it nor its agenda changes any more. */
export const CLOSED_SEMINAR: SeminarStatus[] = ['COMPLETED', 'CANCELLED'];

/** The refusal of a change to a closed seminar (or to its agenda), naming the field given; null when open. */
export function closedSeminar(seminar: { status: SeminarStatus }, field: string, what: string): UserError | null {
  return CLOSED_SEMINAR.includes(seminar.status)
    ? userError(
        UserErrorCode.INVALID_TRANSITION,
        `The seminar is ${enumWords(seminar.status)}: ${what} no longer changes.`,
        ['input', field],
      )
    : null;
}

/**
 * The days a step waits for, in the seminar's own time zone: it starts once its first day has
 * begun there, and completes once its last day has.
 */
function refuseTooEarly(transition: SeminarTransition, seminar: Seminar, now: Date): void {
  const day = transition === 'start' ? seminar.startDate : transition === 'complete' ? seminar.endDate : null;
  if (!day || dayHasBegun(day, seminar.timezone, now)) return;
  const which = transition === 'start' ? 'first' : 'last';
  refuse(
    userError(
      UserErrorCode.INVALID_TRANSITION,
      `The seminar's ${which} day, ${calendarDay(day)} (${seminar.timezone}), has not begun: it cannot ${transition} before then.`,
      ['input', 'id'],
    ),
  );
}

/** Seminars are managed by administrators, READ_WRITE keys, and coordinators of the seminar. */
export async function mayManage(ctx: Context, seminar: { id: string; programId: string }): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind === 'apiKey' || (viewer.kind === 'user' && viewer.role === 'ADMIN')) return true;
  const scope = await ctx.scope();
  return scope.coordinatedSeminarIds.includes(seminar.id) || scope.coordinatedProgramIds.includes(seminar.programId);
}

export function requireManagerRole(ctx: Context): void {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (viewer.kind === 'user' && viewer.role !== 'ADMIN' && viewer.role !== 'COORDINATOR') {
    throw forbidden('Only administrators and coordinators manage seminars.');
  }
}

type Fields = Partial<Omit<SeminarCreateInput, 'programId' | 'partnerId'>>;

function checkFields(input: Fields, creating: boolean, zones: TimeZones): Checks {
  return new Checks()
    .text('title', input.title, { min: 1, max: 300, required: creating })
    .text('code', input.code, { max: 50 })
    .text('description', input.description, { max: 10_000 })
    .text('venue', input.venue, { max: 300 })
    .text('city', input.city, { max: 200 })
    .timezone('timezone', input.timezone ?? (creating ? '' : undefined), zones)
    .country('countryCode', input.countryCode ?? (creating ? '' : undefined))
    .integer('capacity', input.capacity, { min: 1, max: 10_000 });
}

const notFound = (field: string, noun: string): UserError =>
  userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', field]);

export async function createSeminar(ctx: Context, input: SeminarCreateInput): Promise<SeminarPayload> {
  requireManagerRole(ctx);
  const programId = fromGlobalIdOf('Program', input.programId, 'input.programId');
  const partnerId = input.partnerId ? fromGlobalIdOf('Organization', input.partnerId, 'input.partnerId') : null;
  const checks = checkFields(input, true, await timeZonesOf(ctx.prisma)).dateOrder(
    ['startDate', 'endDate'],
    input.startDate,
    input.endDate,
  );
  if (!(await ctx.prisma.program.findUnique({ where: { id: programId }, select: { id: true } }))) {
    checks.errors.push(notFound('programId', 'programme'));
  } else if (!(await mayManage(ctx, { id: '', programId }))) {
    checks.errors.push(notFound('programId', 'programme you manage'));
  }
  if (partnerId && !(await ctx.prisma.organization.findUnique({ where: { id: partnerId }, select: { id: true } }))) {
    checks.errors.push(notFound('partnerId', 'organization'));
  }
  if (!checks.ok) return { seminar: null, userErrors: checks.errors };

  const seminar = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.seminar.create({
      data: {
        programId,
        partnerId,
        title: input.title.trim(),
        code: cleanText(input.code) ?? null,
        description: cleanText(input.description) ?? null,
        startDate: input.startDate,
        endDate: input.endDate,
        timezone: input.timezone,
        countryCode: input.countryCode,
        venue: cleanText(input.venue) ?? null,
        city: cleanText(input.city) ?? null,
        deliveryMode: input.deliveryMode ?? 'IN_PERSON',
        capacity: input.capacity ?? null,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'seminar.create',
      entityType: 'Seminar',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
  return { seminar, userErrors: [] };
}

/** Loads the seminar for a change and checks that the viewer manages it; forbidden looks missing. */
async function manageable(ctx: Context, globalId: string): Promise<{ id: string } | null> {
  requireManagerRole(ctx);
  const id = fromGlobalIdOf('Seminar', globalId, 'input.id');
  const seminar = await ctx.prisma.seminar.findUnique({ where: { id }, select: { id: true, programId: true } });
  return seminar && (await mayManage(ctx, seminar)) ? { id } : null;
}

export async function updateSeminar(ctx: Context, input: SeminarUpdateInput): Promise<SeminarPayload> {
  const target = await manageable(ctx, input.id);
  if (!target) return { seminar: null, userErrors: [notFound('id', 'seminar')] };
  const checks = checkFields(
    {
      ...input,
      title: input.title ?? undefined,
      timezone: input.timezone ?? undefined,
      countryCode: input.countryCode ?? undefined,
      startDate: input.startDate ?? undefined,
      endDate: input.endDate ?? undefined,
    },
    false,
    await timeZonesOf(ctx.prisma),
  );
  if (input.title === null) checks.fail('title', 'A title is required.');
  for (const required of ['startDate', 'endDate', 'timezone', 'countryCode'] as const) {
    if (input[required] === null) checks.fail(required, 'This cannot be cleared.');
  }
  if (!checks.ok) return { seminar: null, userErrors: checks.errors };

  const outcome = await changeVersioned<Seminar, Seminar>(
    ctx.prisma,
    'Seminar',
    'seminar',
    target.id,
    input.version,
    async (tx, before) => {
      const closed = closedSeminar(before, 'id', 'it');
      if (closed) refuse(closed);
      const startDate = input.startDate ?? before.startDate;
      const endDate = input.endDate ?? before.endDate;
      const timezone = input.timezone ?? before.timezone;
      const later = new Checks().dateOrder(['startDate', 'endDate'], startDate, endDate);
      const outside = await sessionsOutside(tx, target.id, startDate, endDate, timezone);
      if (outside > 0) {
        later.fail(
          'startDate',
          `${outside} session(s) of the agenda would fall outside the new dates; move them first.`,
        );
      }
      // An IN_PROGRESS seminar has begun: its first day cannot move to one that has not.
      const moved = input.startDate != null || input.timezone != null;
      if (before.status === 'IN_PROGRESS' && moved && !dayHasBegun(startDate, timezone)) {
        later.fail('startDate', 'The seminar is in progress: its first day must be one that has begun.');
      }
      // The row lock of changeVersioned is the one every enrollment step takes, so the count holds.
      if (input.capacity != null) {
        const taken = await placesTaken(tx, target.id);
        if (input.capacity < taken) {
          later.fail(
            'capacity',
            `${taken} places are taken (accepted, confirmed or completed); capacity cannot be lower.`,
          );
        }
      }
      if (!later.ok) refuse(...later.errors);
      const after = await tx.seminar.update({
        where: { id: target.id },
        data: {
          ...(input.title != null ? { title: input.title.trim() } : {}),
          ...(input.code !== undefined ? { code: cleanText(input.code) ?? null } : {}),
          ...(input.description !== undefined ? { description: cleanText(input.description) ?? null } : {}),
          ...(input.venue !== undefined ? { venue: cleanText(input.venue) ?? null } : {}),
          ...(input.city !== undefined ? { city: cleanText(input.city) ?? null } : {}),
          ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
          ...(input.deliveryMode != null ? { deliveryMode: input.deliveryMode } : {}),
          ...(input.countryCode != null ? { countryCode: input.countryCode } : {}),
          startDate,
          endDate,
          timezone,
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'seminar.update',
        entityType: 'Seminar',
        entityId: target.id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok ? { seminar: outcome.result, userErrors: [] } : { seminar: null, userErrors: outcome.errors };
}

/** Sessions that would start before the first day or end after the last, in the seminar's zone. */
async function sessionsOutside(
  tx: Prisma.TransactionClient,
  seminarId: string,
  start: Date,
  end: Date,
  timezone: string,
) {
  const [row] = await tx.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM "Session"
    WHERE "seminarId" = ${seminarId}::uuid
      AND (("startsAt" AT TIME ZONE ${timezone})::date < ${start}::date
        OR ("endsAt" AT TIME ZONE ${timezone})::date > ${end}::date)`;
  return Number(row?.count ?? 0);
}

export async function transitionSeminar(
  ctx: Context,
  transition: SeminarTransition,
  input: SeminarTransitionInput,
): Promise<SeminarPayload> {
  const target = await manageable(ctx, input.id);
  if (!target) return { seminar: null, userErrors: [notFound('id', 'seminar')] };
  const { from, to } = SEMINAR_TRANSITIONS[transition];
  const outcome = await changeVersioned<Seminar, Seminar>(
    ctx.prisma,
    'Seminar',
    'seminar',
    target.id,
    input.version,
    async (tx, before) => {
      if (!(from as readonly SeminarStatus[]).includes(before.status)) {
        refuse(
          userError(UserErrorCode.INVALID_TRANSITION, stepRefused('seminar', before.status, transition, from), [
            'input',
            'id',
          ]),
        );
      }
      refuseTooEarly(transition, before, new Date());
      const after = await tx.seminar.update({
        where: { id: target.id },
        data: { status: to, version: { increment: 1 } },
      });
      await recordAudit(tx, ctx, {
        action: `seminar.${transition}`,
        entityType: 'Seminar',
        entityId: target.id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok ? { seminar: outcome.result, userErrors: [] } : { seminar: null, userErrors: outcome.errors };
}

/**
 * Only a DRAFT seminar with nothing in it is deleted: one made by mistake. Once it has sessions,
 * enrollments, proposals or feedback, or has been published, it is history, and `seminarCancel`
 * calls it off instead. Deleting is for those who may create seminars in its programme.
 */
export async function deleteSeminar(ctx: Context, input: SeminarDeleteInput): Promise<SeminarDeletePayload> {
  requireManagerRole(ctx);
  const id = fromGlobalIdOf('Seminar', input.id, 'input.id');
  const seminar = await ctx.prisma.seminar.findUnique({ where: { id }, select: { id: true, programId: true } });
  if (!seminar || !(await mayManage(ctx, seminar))) return { deletedId: null, userErrors: [notFound('id', 'seminar')] };
  if (!(await mayManage(ctx, { id: '', programId: seminar.programId }))) {
    throw forbidden('Only administrators and coordinators of its programme delete a seminar.');
  }
  const outcome = await changeVersioned<Seminar, void>(
    ctx.prisma,
    'Seminar',
    'seminar',
    id,
    input.version,
    async (tx, before) => {
      if (before.status !== 'DRAFT') {
        refuse(
          userError(
            UserErrorCode.INVALID_TRANSITION,
            `The seminar is ${enumWords(before.status)}: only a draft is deleted. Call it off with seminarCancel instead.`,
            ['input', 'id'],
          ),
        );
      }
      const uses = await tx.seminar.findUniqueOrThrow({
        where: { id },
        select: { _count: { select: { sessions: true, enrollments: true, proposals: true, feedback: true } } },
      });
      const inUse = Object.entries(uses._count).filter(([, count]) => count > 0);
      if (inUse.length > 0) {
        refuse(
          userError(
            UserErrorCode.IN_USE,
            `The seminar has ${inUse.map(([what, count]) => `${count} ${what}`).join(', ')}; deleting it would lose them. Call it off with seminarCancel instead.`,
            ['input', 'id'],
          ),
        );
      }
      await tx.seminar.delete({ where: { id } });
      await recordAudit(tx, ctx, {
        action: 'seminar.delete',
        entityType: 'Seminar',
        entityId: id,
        before,
        after: null,
      });
    },
  );
  return outcome.ok
    ? { deletedId: toGlobalId('Seminar', id), userErrors: [] }
    : { deletedId: null, userErrors: outcome.errors };
}
