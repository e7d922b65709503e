/**
 * What can go wrong in a call, as classes a caller can tell apart with `instanceof`:
 *
 * - {@link NetworkError}: no HTTP answer (connection refused or reset, DNS, CORS); {@link TimeoutError} when
 *   `timeoutMs` ran out first.
 * - {@link HttpError}: an HTTP answer that is not a GraphQL response (a proxy's 502, an HTML error page).
 * - {@link GraphQLResponseError}: the API refused the operation; one subclass per `extensions.code`.
 * - {@link UserErrorsError}: a mutation refused the change; thrown only by `unwrap()`.
 */
export class SeminarHubError extends Error {
  override name = 'SeminarHubError';
}

export class NetworkError extends SeminarHubError {
  override name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class TimeoutError extends NetworkError {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms.`);
  }
}

export class HttpError extends SeminarHubError {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    /** The start of the body, for logs. */
    readonly body: string,
    readonly headers: Headers,
  ) {
    super(`HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** The codes the API puts in `extensions.code` of a top-level error. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'THROTTLED'
  | 'BAD_USER_INPUT'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  /** HTTP 503 with `Retry-After`: the request outlived its deadline, or the database is unavailable. Retried. */
  | 'SERVICE_UNAVAILABLE'
  /**
   * HTTP 409, not retried: a mutation under this Idempotency-Key was written before, but its answer
   * was lost (the server died before keeping it). Read the data to see the outcome.
   */
  | 'IDEMPOTENT_RESPONSE_LOST'
  | 'INTERNAL_SERVER_ERROR';

export interface GraphQLResponseErrorInit {
  errors: readonly GraphQLErrorEntry[];
  data: unknown;
  status: number;
  headers: Headers;
  operationName: string | undefined;
}

/** The API answered with top-level `errors`: the operation, or part of it, was refused. */
export class GraphQLResponseError extends SeminarHubError {
  override name = 'GraphQLResponseError';
  /** Every error the API returned; `message` is the first one's. */
  readonly errors: readonly GraphQLErrorEntry[];
  /** Whatever data came with the errors (often null). */
  readonly data: unknown;
  readonly status: number;
  readonly headers: Headers;
  readonly operationName: string | undefined;
  /** The first error's `extensions.code`. */
  readonly code: string | undefined;

  constructor(init: GraphQLResponseErrorInit) {
    const first = init.errors[0];
    super(`${init.operationName ?? 'GraphQL operation'}: ${first?.message ?? 'failed'}`);
    this.errors = init.errors;
    this.data = init.data;
    this.status = init.status;
    this.headers = init.headers;
    this.operationName = init.operationName;
    this.code = first?.extensions?.code;
  }
}

/** No valid credentials: sign in again or check the API key. */
export class UnauthenticatedError extends GraphQLResponseError {
  override name = 'UnauthenticatedError';
}

/** Signed in, but not allowed to do this. */
export class ForbiddenError extends GraphQLResponseError {
  override name = 'ForbiddenError';
}

/** The object does not exist, or the caller may not see it. */
export class NotFoundError extends GraphQLResponseError {
  override name = 'NotFoundError';
}

/** The request itself is malformed: bad variables, a filter over its limits, an invalid document. */
export class BadUserInputError extends GraphQLResponseError {
  override name = 'BadUserInputError';
}

/** The API failed unexpectedly; its logs say why. Retrying later may help. */
export class InternalServerError extends GraphQLResponseError {
  override name = 'InternalServerError';
}

/** Too many requests, or the same idempotency key is still in flight: wait `retryAfterMs`, then retry. */
export class ThrottledError extends GraphQLResponseError {
  override name = 'ThrottledError';
  /** How long the API asked to wait, from `Retry-After` or the error's `retryAfterSeconds`. */
  readonly retryAfterMs: number | undefined;
  constructor(init: GraphQLResponseErrorInit, retryAfterMs: number | undefined) {
    super(init);
    this.retryAfterMs = retryAfterMs;
  }
}

const BY_CODE: Record<string, new (init: GraphQLResponseErrorInit) => GraphQLResponseError> = {
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  NOT_FOUND: NotFoundError,
  BAD_USER_INPUT: BadUserInputError,
  GRAPHQL_PARSE_FAILED: BadUserInputError,
  GRAPHQL_VALIDATION_FAILED: BadUserInputError,
  BAD_REQUEST: BadUserInputError,
  INTERNAL_SERVER_ERROR: InternalServerError,
};

/** The error class for a GraphQL error response, chosen by its first error's code. */
export function graphQLResponseError(init: GraphQLResponseErrorInit): GraphQLResponseError {
  const code = init.errors[0]?.extensions?.code;
  if (code === 'THROTTLED' || init.status === 429) {
    const seconds = init.errors[0]?.extensions?.retryAfterSeconds;
    return new ThrottledError(
      init,
      retryAfterMs(init.headers) ?? (typeof seconds === 'number' ? seconds * 1000 : undefined),
    );
  }
  const Class = (code && BY_CODE[code]) || GraphQLResponseError;
  return new Class(init);
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A change a mutation refused, as the API reports it in `userErrors`. */
export interface UserError<Code extends string = string> {
  /** The path to the input field at fault, e.g. `["input", "endDate"]`; null when no one field is. */
  field: readonly string[] | null | undefined;
  message: string;
  code: Code;
}

/** Thrown by `unwrap()` when a mutation answered with `userErrors`. */
export class UserErrorsError<Code extends string = string> extends SeminarHubError {
  override name = 'UserErrorsError';
  constructor(readonly userErrors: readonly UserError<Code>[]) {
    super(userErrors.map((error) => `${error.code}: ${error.message}`).join('; '));
  }
  /** The first user error's code. */
  get code(): Code | undefined {
    return this.userErrors[0]?.code;
  }
}
