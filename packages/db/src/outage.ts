/**
 * Whether an error means the database could not be reached or stopped answering, as opposed to a
 * statement it refused: the caller should retry later, and nothing is wrong with the request.
 *
 * The same outage reaches the code in several wrappings, so every layer is looked at:
 * - Node's socket errors (`ECONNREFUSED`, `ECONNRESET`, …), as pg passes them on;
 * - pg's and pg-pool's own plain errors ("timeout exceeded when trying to connect" for a pool with no
 *   free connection in time, "Connection terminated unexpectedly", "Query read timeout", …);
 * - PostgreSQL's SQLSTATEs of an unusable server: class 08 (connection exception), 57P01-57P03
 *   (shut down, crashed, starting up), 53300 (too many connections);
 * - Prisma's: `@prisma/adapter-pg` turns the socket errors into a `DriverAdapterError` whose kind
 *   Prisma maps to P1001 (not reachable) or P1017 (connection closed), and rethrows pg's plain errors
 *   unchanged; P1002, P1008 and P2024 are its timeouts, and P2028's "Unable to start a transaction in
 *   the given time" is its pool's;
 * - `ConnectionSilentError`, with which a connection that stopped answering is closed (request-work.ts).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return walk(error, 0);
}

/** A connection closed because it stopped answering: its statements are failed with this. */
export class ConnectionSilentError extends Error {
  readonly code = 'SH_CONNECTION_SILENT';
  constructor(reason: string) {
    super(`The database connection stopped answering (${reason}) and was closed.`);
    this.name = 'ConnectionSilentError';
  }
}

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'SH_CONNECTION_SILENT',
]);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGES = [
  /^timeout exceeded when trying to connect/,
  /^Connection terminated/,
  /^Query read timeout/,
  /^timeout expired/,
  /is not queryable/,
  /^Cannot use a pool after calling end/,
  // Prisma's P2028 when an interactive transaction got no connection within its maxWait: the pool
  // is busy. P2028 alone also means a transaction already closed, which is the code's error.
  /Unable to start a transaction in the given time/,
];

function walk(error: unknown, depth: number): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const found = error as {
    code?: unknown;
    errorCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  const code = typeof found.code === 'string' ? found.code : undefined;
  if (
    code &&
    (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
  ) {
    return true;
  }
  if (typeof found.errorCode === 'string' && PRISMA_CODES.has(found.errorCode)) return true;
  if (typeof found.kind === 'string' && ADAPTER_KINDS.has(found.kind)) return true;
  if (typeof found.message === 'string' && MESSAGES.some((pattern) => pattern.test(found.message as string))) {
    return true;
  }
  const inner = [found.cause, found.originalError, found.meta?.driverAdapterError];
  if (Array.isArray(found.errors)) inner.push(...found.errors);
  return inner.some((next) => next !== error && walk(next, depth + 1));
}
