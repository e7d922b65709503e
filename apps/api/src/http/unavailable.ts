import { isDatabaseUnavailable } from '@seminarhub/db';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger.ts';

/**
 * The answer when the API cannot serve a request now, whatever stopped it: 503 with `Retry-After` and
 * a `SERVICE_UNAVAILABLE` error carrying the request id. Load balancers and the SDK retry it by its
 * status; nothing is wrong with the request. The deadline (`deadline.ts`) and a database outage
 * (`isDatabaseUnavailable`: refused, timed out or lost connections) answer with it.
 */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** Seconds a client should wait before retrying; the SDK backs off further on repeats. */
export const RETRY_AFTER_SECONDS = 1;

/** What a client reads when the database could not serve its request. */
export function databaseUnavailableMessage(mayHaveWritten: boolean): string {
  return mayHaveWritten
    ? 'The database became unavailable during the request: it may have been written. ' +
        'Check before retrying, or retry with the same Idempotency-Key.'
    : 'The database is unavailable at the moment: nothing was written. Retry in a moment.';
}

export function unavailableError(message: string, requestId?: string): GraphQLFormattedError {
  return { message, extensions: { code: SERVICE_UNAVAILABLE, ...(requestId ? { requestId } : {}) } };
}

interface Answerable {
  status(code: number): Answerable;
  set(headers: Record<string, string>): Answerable;
  json(body: unknown): unknown;
  locals: Record<string, unknown>;
}

/** Sends the 503 from Express; `headers` adds to `Retry-After`. */
export function sendUnavailable(res: Answerable, message: string, headers: Record<string, string> = {}): void {
  res
    .status(503)
    .set({ 'retry-after': String(RETRY_AFTER_SECONDS), ...headers })
    .json({ errors: [unavailableError(message, res.locals.requestId as string | undefined)] });
}

/**
 * Answers a database outage met before GraphQL ran (authentication reads the database) and logs it
 * once, as a warning: it is the database's state, not a fault of this request. False for other errors.
 */
export function answerDatabaseOutage(error: unknown, res: Answerable, log: Logger): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  logDatabaseOutage(log, error, res.locals.requestId as string | undefined);
  sendUnavailable(res, databaseUnavailableMessage(false));
  return true;
}

/** The one line a request answered 503 for a database outage leaves. */
export function logDatabaseOutage(log: Logger, error: unknown, requestId?: string): void {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  log.warn(
    {
      ...(requestId ? { requestId } : {}),
      code: typeof code === 'string' ? code : undefined,
      reason: typeof message === 'string' ? message.trim().split('\n').at(-1)?.slice(0, 200) : undefined,
    },
    'database unavailable: answered 503',
  );
}
