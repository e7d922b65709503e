import type { Enrollment, EnrollmentStatus, Prisma, Seminar, SeminarStatus } from '@seminarhub/db';
import { recordAudit } from '../../core/audit.ts';
import { unauthenticated } from '../../core/auth/guards.ts';
import { PUBLIC_SEMINAR_STATUSES } from '../../core/auth/visibility.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import { Checks } from '../../core/validation.ts';
import { changeVersioned } from '../../core/versioned.ts';
import { calendarDay, eitherWords, enumWords, stepRefused } from '../../core/words.ts';
import { dayHasBegun } from '../../core/zoned-time.ts';
import { mayManage } from '../seminars/mutations.ts';
import type {
  EnrollmentApplyInput,
  EnrollmentPayload,
  EnrollmentTransitionInput,
  EnrollmentUpdateInput,
} from './inputs.ts';
import { HOLDS_PLACE, placesTaken } from './places.ts';

/** Seminars still taking decisions on places: not over, not called off. */
const DECIDING: SeminarStatus[] = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS'];
/** Seminars that have begun: only then does one know who came and who finished. */
const HELD: SeminarStatus[] = ['IN_PROGRESS', 'COMPLETED'];

/**
 * The enrollment life cycle. `by` says who may take the step: staff (administrators, READ_WRITE
 * keys, the seminar's coordinators) or also the enrolled person themself. `during` lists the
 * seminar statuses the step is taken in; `complete` also waits for the seminar's last day.
 */
export const ENROLLMENT_TRANSITIONS = {
  accept: { from: ['APPLIED', 'WAITLISTED'], to: 'ACCEPTED', by: 'staff', during: DECIDING },
  waitlist: { from: ['APPLIED'], to: 'WAITLISTED', by: 'staff', during: DECIDING },
  reject: { from: ['APPLIED', 'WAITLISTED'], to: 'REJECTED', by: 'staff', during: DECIDING },
  confirm: { from: ['ACCEPTED'], to: 'CONFIRMED', by: 'person', during: DECIDING },
  withdraw: {
    from: ['APPLIED', 'WAITLISTED', 'ACCEPTED', 'CONFIRMED'],
    to: 'WITHDRAWN',
    by: 'person',
    during: DECIDING,
  },
  complete: { from: ['CONFIRMED'], to: 'COMPLETED', by: 'staff', during: HELD },
  markNoShow: { from: ['CONFIRMED'], to: 'NO_SHOW', by: 'staff', during: HELD },
} as const satisfies Record<
  string,
  { from: EnrollmentStatus[]; to: EnrollmentStatus; by: 'staff' | 'person'; during: SeminarStatus[] }
>;

export type EnrollmentTransition = keyof typeof ENROLLMENT_TRANSITIONS;

const failed = (error: UserError): EnrollmentPayload => ({ enrollment: null, promoted: null, userErrors: [error] });
const notFound = (field: string, noun: string) =>
  userError(UserErrorCode.NOT_FOUND, `There is no such ${noun}.`, ['input', field]);

/** Locks the seminar row: every step that takes or frees a place queues behind the others. */
async function lockSeminar(tx: Prisma.TransactionClient, id: string): Promise<Seminar | undefined> {
  const [seminar] = await tx.$queryRaw<Seminar[]>`SELECT * FROM "Seminar" WHERE id = ${id}::uuid FOR UPDATE`;
  return seminar;
}

/** Why the seminar's status or dates do not allow the step now, or null when they do. */
function outOfSeason(transition: EnrollmentTransition, seminar: Seminar): UserError | null {
  const { during } = ENROLLMENT_TRANSITIONS[transition];
  if (!(during as readonly SeminarStatus[]).includes(seminar.status)) {
    return userError(
      UserErrorCode.INVALID_TRANSITION,
      `The seminar is ${enumWords(seminar.status)}: an enrollment cannot ${enumWords(transition)} then, only while it is ${eitherWords(during)}.`,
      ['input', 'id'],
    );
  }
  if (transition === 'complete' && !dayHasBegun(seminar.endDate, seminar.timezone)) {
    return userError(
      UserErrorCode.INVALID_TRANSITION,
      `The seminar's last day, ${calendarDay(seminar.endDate)} (${seminar.timezone}), has not begun: nobody has finished it yet.`,
      ['input', 'id'],
    );
  }
  return null;
}

export async function applyToSeminar(ctx: Context, input: EnrollmentApplyInput): Promise<EnrollmentPayload> {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  const seminarId = fromGlobalIdOf('Seminar', input.seminarId, 'input.seminarId');
  const seminar = await ctx.prisma.seminar.findUnique({ where: { id: seminarId } });
  const staff = seminar ? await mayManage(ctx, seminar) : false;
  const ownPerson = viewer.kind === 'user' ? viewer.personId : null;
  const personId = input.personId ? fromGlobalIdOf('Person', input.personId, 'input.personId') : ownPerson;
  const organizationId = input.organizationId
    ? fromGlobalIdOf('Organization', input.organizationId, 'input.organizationId')
    : null;

  // Drafts and cancellations are invisible to applicants; held seminars are visible but closed.
  if (!seminar || !(staff || PUBLIC_SEMINAR_STATUSES.includes(seminar.status)))
    return failed(notFound('seminarId', 'seminar'));
  if (!personId) return failed(userError(UserErrorCode.INVALID, 'Name the person who applies.', ['input', 'personId']));
  if (!staff && personId !== ownPerson)
    return failed(userError(UserErrorCode.INVALID, 'You may apply only for yourself.', ['input', 'personId']));
  const open: SeminarStatus[] = staff ? ['DRAFT', 'PUBLISHED'] : ['PUBLISHED'];
  if (!open.includes(seminar.status)) {
    return failed(
      userError(
        UserErrorCode.INVALID_TRANSITION,
        `The seminar is ${enumWords(seminar.status)}: it takes no applications.`,
        ['input', 'seminarId'],
      ),
    );
  }
  if (!(await ctx.prisma.person.findUnique({ where: { id: personId }, select: { id: true } })))
    return failed(notFound('personId', 'person'));
  if (
    organizationId &&
    !(await ctx.prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))
  ) {
    return failed(notFound('organizationId', 'organization'));
  }

  return ctx.prisma.$transaction(async (tx) => {
    await lockSeminar(tx, seminarId);
    const existing = await tx.enrollment.findUnique({ where: { seminarId_personId: { seminarId, personId } } });
    if (existing) {
      return failed(
        userError(UserErrorCode.CONFLICT, `This person is already enrolled (${enumWords(existing.status)}).`, [
          'input',
          'personId',
        ]),
      );
    }
    const enrollment = await tx.enrollment.create({
      data: { seminarId, personId, organizationId, role: input.role ?? 'PARTICIPANT', status: 'APPLIED' },
    });
    await recordAudit(tx, ctx, {
      action: 'enrollment.apply',
      entityType: 'Enrollment',
      entityId: enrollment.id,
      before: null,
      after: enrollment,
    });
    return { enrollment, promoted: null, userErrors: [] };
  });
}

export async function transitionEnrollment(
  ctx: Context,
  transition: EnrollmentTransition,
  input: EnrollmentTransitionInput,
): Promise<EnrollmentPayload> {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  const id = fromGlobalIdOf('Enrollment', input.id, 'input.id');
  const rule = ENROLLMENT_TRANSITIONS[transition];
  const found = await ctx.prisma.enrollment.findUnique({ where: { id }, include: { seminar: true } });
  const staff = found ? await mayManage(ctx, found.seminar) : false;
  const self = found && viewer.kind === 'user' && viewer.personId === found.personId;
  // Steps on someone else's enrollment, by someone who may not take them, look like a missing one.
  if (!found || !(staff || (self && rule.by === 'person'))) return failed(notFound('id', 'enrollment'));

  return ctx.prisma.$transaction(async (tx) => {
    const seminar = (await lockSeminar(tx, found.seminarId)) as Seminar;
    const [before] = await tx.$queryRaw<Enrollment[]>`SELECT * FROM "Enrollment" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!before) return failed(notFound('id', 'enrollment'));
    if (before.version !== input.version) {
      return failed(
        userError(UserErrorCode.CONFLICT, `The enrollment changed since you read it (now version ${before.version}).`, [
          'input',
          'version',
        ]),
      );
    }
    if (!(rule.from as readonly EnrollmentStatus[]).includes(before.status)) {
      return failed(
        userError(UserErrorCode.INVALID_TRANSITION, stepRefused('enrollment', before.status, transition, rule.from), [
          'input',
          'id',
        ]),
      );
    }
    const untimely = outOfSeason(transition, seminar);
    if (untimely) return failed(untimely);
    if (
      rule.to === 'ACCEPTED' &&
      seminar.capacity !== null &&
      (await placesTaken(tx, seminar.id)) >= seminar.capacity
    ) {
      return failed(
        userError(
          UserErrorCode.INVALID,
          `The seminar is full (${seminar.capacity} places). Put the application on the waiting list instead.`,
          ['input', 'id'],
        ),
      );
    }
    const waitlistPosition =
      rule.to === 'WAITLISTED'
        ? ((await tx.enrollment.aggregate({ where: { seminarId: seminar.id }, _max: { waitlistPosition: true } }))._max
            .waitlistPosition ?? 0) + 1
        : null;
    const after = await tx.enrollment.update({
      where: { id },
      data: { status: rule.to, waitlistPosition, decidedAt: new Date(), version: { increment: 1 } },
    });
    await recordAudit(tx, ctx, {
      action: `enrollment.${transition}`,
      entityType: 'Enrollment',
      entityId: id,
      before,
      after,
    });

    // A place freed is offered at once to the first on the waiting list.
    let promoted: Enrollment | null = null;
    // Not once the seminar is over: a place freed by a no-show then is offered to nobody.
    if (
      HOLDS_PLACE.includes(before.status) &&
      !HOLDS_PLACE.includes(after.status) &&
      DECIDING.includes(seminar.status)
    ) {
      const next = await tx.enrollment.findFirst({
        where: { seminarId: seminar.id, status: 'WAITLISTED' },
        orderBy: [{ waitlistPosition: 'asc' }, { id: 'asc' }],
      });
      if (next && (seminar.capacity === null || (await placesTaken(tx, seminar.id)) < seminar.capacity)) {
        promoted = await tx.enrollment.update({
          where: { id: next.id },
          data: { status: 'ACCEPTED', waitlistPosition: null, decidedAt: new Date(), version: { increment: 1 } },
        });
        await recordAudit(tx, ctx, {
          action: 'enrollment.accept',
          entityType: 'Enrollment',
          entityId: next.id,
          before: next,
          after: promoted,
        });
      }
    }
    return { enrollment: after, promoted, userErrors: [] };
  });
}

/** Staff correct an enrollment's terms (role, nominating organization); its status moves only by steps. */
export async function updateEnrollment(ctx: Context, input: EnrollmentUpdateInput): Promise<EnrollmentPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  const id = fromGlobalIdOf('Enrollment', input.id, 'input.id');
  const found = await ctx.prisma.enrollment.findUnique({ where: { id }, include: { seminar: true } });
  if (!found || !(await mayManage(ctx, found.seminar))) return failed(notFound('id', 'enrollment'));
  const organizationId = input.organizationId
    ? fromGlobalIdOf('Organization', input.organizationId, 'input.organizationId')
    : input.organizationId;
  const checks = new Checks();
  if (input.role === null) checks.fail('role', 'A role is required.');
  if (
    organizationId &&
    !(await ctx.prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))
  ) {
    checks.fail('organizationId', 'There is no such organization.', UserErrorCode.NOT_FOUND);
  }
  if (!checks.ok) return { enrollment: null, promoted: null, userErrors: checks.errors };

  const outcome = await changeVersioned<Enrollment, Enrollment>(
    ctx.prisma,
    'Enrollment',
    'enrollment',
    id,
    input.version,
    async (tx, before) => {
      const after = await tx.enrollment.update({
        where: { id },
        data: {
          ...(input.role != null ? { role: input.role } : {}),
          ...(organizationId !== undefined ? { organizationId } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, ctx, {
        action: 'enrollment.update',
        entityType: 'Enrollment',
        entityId: id,
        before,
        after,
      });
      return after;
    },
  );
  return outcome.ok
    ? { enrollment: outcome.result, promoted: null, userErrors: [] }
    : { enrollment: null, promoted: null, userErrors: outcome.errors };
}
