import { type UserError, UserErrorsError } from './errors.ts';

type NonEmpty<T> = [T, ...T[]];
type UserErrorOf<P> = P extends { userErrors: ReadonlyArray<infer E> } ? E : UserError;

/**
 * What a mutation answers: either the change was made (`ok: true`, with the payload's fields and no
 * `userErrors`), or it was refused (`ok: false`, with at least one typed user error and no payload).
 * TypeScript will not let a caller read the payload before checking `ok`, so a refused change cannot
 * pass for a successful one; `unwrap()` turns a refusal into a thrown {@link UserErrorsError}.
 */
export type MutationResult<P> =
  | (Omit<P, 'userErrors'> & { ok: true; userErrors: [] })
  | { ok: false; userErrors: NonEmpty<UserErrorOf<P>> };

/** The successful branch of a {@link MutationResult}. */
export type Succeeded<R> = Extract<R, { ok: true }>;

/** Marks a mutation payload with `ok`, from whether it carries user errors. */
export function toMutationResult<P extends { userErrors: readonly unknown[] }>(payload: P): MutationResult<P> {
  return { ...payload, ok: payload.userErrors.length === 0 } as unknown as MutationResult<P>;
}

/** The payload of a successful mutation; throws {@link UserErrorsError} with the user errors otherwise. */
export function unwrap<R extends { ok: boolean; userErrors: readonly unknown[] }>(result: R): Succeeded<R> {
  if (!result.ok) {
    const errors = result.userErrors as readonly UserError[];
    throw new UserErrorsError<UserErrorOf<R> extends UserError<infer C> ? C : string>(
      errors as readonly UserError<never>[],
    );
  }
  return result as Succeeded<R>;
}
