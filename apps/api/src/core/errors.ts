import { GraphQLError } from 'graphql';

/**
 * The catalogue of top-level error codes a client may see, in `extensions.code`. Anything else is
 * masked as INTERNAL_SERVER_ERROR. Expected failures of a mutation are `userErrors`, not these.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'THROTTLED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  /** 503: the request was stopped at its deadline, or the database is unavailable; retry later. */
  'SERVICE_UNAVAILABLE',
  /**
   * 409: the first request with this Idempotency-Key was written but its answer was lost (its
   * process died before keeping it); not run again, and not worth retrying with that key.
   */
  'IDEMPOTENT_RESPONSE_LOST',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const allowed = new Set<string>(ERROR_CODES);

export function isAllowedCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && allowed.has(code);
}

/** A bad argument: the message names the argument and says what is accepted. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}
