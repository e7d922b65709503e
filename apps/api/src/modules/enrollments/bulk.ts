import { unauthenticated } from '../../core/auth/guards.ts';
import type { Context } from '../../core/context.ts';
import { fromGlobalIdOf } from '../../core/node-id.ts';
import { type UserError, UserErrorCode, userError } from '../../core/user-errors.ts';
import {
  type EnrollmentsApplyInput,
  type EnrollmentsApplyPayload,
  type EnrollmentsApplyResult,
  type EnrollmentsTransitionInput,
  type EnrollmentsTransitionPayload,
  type EnrollmentsTransitionResult,
  MAX_BULK_ROWS,
} from './bulk-types.ts';
import { applyToSeminar, transitionEnrollment } from './mutations.ts';

/*
 * Bulk steps run each row through the single mutation's service function, one after the other, each
 * in its own transaction: every rule (transitions, capacity, the waiting list, who may act) and the
 * audit trail hold per row, a refused row changes nothing, and the rows after it still proceed. The
 * single functions lock the seminar's row, so places are counted one step at a time, also against
 * other requests running at once: accepting 12 into 10 places accepts the first 10 and refuses 2.
 */

/** The whole input refused before any row was tried. */
const refused = (message: string, field: string[]) => ({
  results: [],
  userErrors: [userError(UserErrorCode.INVALID, message, field)],
});

function sizeError(count: number, field: string, noun: string) {
  if (count === 0) return refused(`Name at least one ${noun}.`, ['input', field]);
  if (count > MAX_BULK_ROWS) return refused(`Send at most ${MAX_BULK_ROWS} ${noun}s at once.`, ['input', field]);
  return null;
}

function duplicateError(keys: string[], field: string, noun: string) {
  const twice = keys.findIndex((key, index) => keys.indexOf(key) !== index);
  return twice === -1 ? null : refused(`This ${noun} appears twice.`, ['input', field, String(twice)]);
}

/** A row's errors, pointed at the row: `["input", "id"]` of the single step becomes `["input", "ids", "3"]`. */
const atRow = (errors: UserError[], row: string[]): UserError[] => errors.map((error) => ({ ...error, field: row }));

export async function transitionEnrollments(
  ctx: Context,
  input: EnrollmentsTransitionInput,
): Promise<EnrollmentsTransitionPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  // A malformed ID is bad input for the whole call (BAD_USER_INPUT), found before anything changes.
  const ids = input.ids.map((id, index) => fromGlobalIdOf('Enrollment', id, `input.ids.${index}`));
  const invalid = sizeError(ids.length, 'ids', 'enrollment') ?? duplicateError(ids, 'ids', 'enrollment');
  if (invalid) return invalid;

  const results: EnrollmentsTransitionResult[] = [];
  for (const [index, id] of ids.entries()) {
    const globalId = input.ids[index]!;
    // The step applies to the enrollment as it is now; the transition rules say whether it may take it.
    const current = await ctx.prisma.enrollment.findUnique({ where: { id }, select: { version: true } });
    const payload = await transitionEnrollment(ctx, input.step, { id: globalId, version: current?.version ?? -1 });
    results.push({
      id: globalId,
      enrollment: payload.enrollment,
      promoted: payload.promoted,
      userErrors: atRow(payload.userErrors, ['input', 'ids', String(index)]),
    });
  }
  return { results, userErrors: [] };
}

export async function applyManyToSeminar(ctx: Context, input: EnrollmentsApplyInput): Promise<EnrollmentsApplyPayload> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  fromGlobalIdOf('Seminar', input.seminarId, 'input.seminarId');
  const personIds = input.people.map((person, index) =>
    fromGlobalIdOf('Person', person.personId, `input.people.${index}.personId`),
  );
  input.people.forEach((person, index) => {
    if (person.organizationId)
      fromGlobalIdOf('Organization', person.organizationId, `input.people.${index}.organizationId`);
  });
  const invalid = sizeError(personIds.length, 'people', 'person') ?? duplicateError(personIds, 'people', 'person');
  if (invalid) return invalid;

  const results: EnrollmentsApplyResult[] = [];
  for (const [index, person] of input.people.entries()) {
    const payload = await applyToSeminar(ctx, {
      seminarId: input.seminarId,
      personId: person.personId,
      role: person.role ?? null,
      organizationId: person.organizationId ?? null,
    });
    // What is wrong with the seminar (missing, closed) is wrong for every row: the first says so for all.
    if (index === 0 && payload.userErrors.some((error) => error.field?.[1] === 'seminarId'))
      return { results: [], userErrors: payload.userErrors };
    const row = ['input', 'people', String(index)];
    results.push({
      personId: person.personId,
      enrollment: payload.enrollment,
      userErrors: payload.userErrors.map((error) =>
        error.field && error.field[1] !== 'seminarId' ? { ...error, field: [...row, ...error.field.slice(1)] } : error,
      ),
    });
  }
  return { results, userErrors: [] };
}
