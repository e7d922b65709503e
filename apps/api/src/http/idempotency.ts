import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import {
  type CommitMarker,
  currentRequestWork,
  isDatabaseUnavailable,
  outsideRequestWork,
  Prisma,
} from '@seminarhub/db';
import { type FormattedExecutionResult, GraphQLError } from 'graphql';
import type { Viewer } from '../core/auth/viewer.ts';
import type { Context } from '../core/context.ts';
import { longestRequestMs } from './deadline.ts';
import { databaseUnavailableMessage, logDatabaseOutage, RETRY_AFTER_SECONDS, unavailableError } from './unavailable.ts';

/**
 * Idempotent mutations (IETF draft "The Idempotency-Key HTTP Header Field"): a mutation sent with an
 * `Idempotency-Key` header is executed once per caller and key. A retry with the same key and the
 * same input is answered with the first response, marked `idempotent-replayed: true`, and runs no
 * resolver, so it writes nothing more.
 *
 * - The key: 1 to 255 printable ASCII characters (space to `~`), else 400 `BAD_USER_INPUT`. It is
 *   unique per caller only: the scope is `user:<id>`, `key:<apiKeyId>` or `ip:<address>`.
 * - The same key with other input (query text, operation name or variables): 422 `BAD_USER_INPUT`.
 * - The same key while the first request is still running: 409 `THROTTLED` with `Retry-After: 1`;
 *   retrying later is the right move, and gets the first response.
 * - A response is kept when at least one root field of the mutation returned data: the mutation ran,
 *   and whatever it wrote is answered by that response (userErrors included). An attempt that
 *   failed before any root field returned (FORBIDDEN, a bad variable, an unexpected error) and
 *   wrote nothing is forgotten, so a retry with the same key executes again.
 * - Rows older than 24 h are treated as absent: the stale row is deleted and the request proceeds.
 * - Every transaction of the request marks the row inside itself (`committedAt`, through
 *   `RequestWork.markCommits`): an UPDATE right before its COMMIT, and a lone write is wrapped in a
 *   transaction to carry it. So the marker is there exactly when something of the request committed,
 *   even when its process died before storing the answer (kill -9 between the two).
 * - A row still in flight once its request cannot be running any more (its process died, or its
 *   answer could not be stored) is settled by that marker. Unmarked, nothing of it committed: the
 *   row is released (deleted) and the request proceeds. Marked, it wrote, and its answer is lost:
 *   409 `IDEMPOTENT_RESPONSE_LOST`, nothing run, the row kept until its 24 h are over, so a retry
 *   never writes a second time. A request cannot commit after its deadline (`deadline.ts`), nor
 *   run longer than `longestRequestMs`; a row older than that plus `IN_FLIGHT_MARGIN_MS` (for
 *   clocks that differ between processes) is past its owner's reach. Should an owner outlive that
 *   all the same (processes with different deadlines), the release cannot duplicate its write: the
 *   release deletes only an unmarked row, and a marker that finds its row gone rolls its
 *   transaction back. Why not a heartbeat of the owner: a process whose database stalls stops
 *   beating yet may commit once the database answers; the deadline bounds that too.
 * - A response is kept too when the request committed something (`RequestWork`), even if it failed
 *   afterwards: a retry replays it rather than writing again. A request stopped by its deadline
 *   with nothing written is forgotten, so a retry after its 503 executes at once.
 * - Responses can carry secrets (a session token, an API key's secret) that the database otherwise
 *   keeps only as hashes. So the row keeps a SHA-256 digest of the key, not the key, and the response
 *   encrypted (AES-256-GCM) under a key derived from the Idempotency-Key: only its holder can read it.
 *   That is as strong as the client's key; a random UUID is what clients should send.
 *
 * Queries ignore the header. Queries and mutations without it are not recorded.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** How long a key and its response are kept. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Added to the longest a request can run before its row in flight is released: clocks differ. */
export const IN_FLIGHT_MARGIN_MS = 30_000;

const KEY_FORMAT = /^[\x20-\x7E]{1,255}$/;
export const MALFORMED_KEY_MESSAGE = 'Idempotency-Key must be 1 to 255 printable ASCII characters.';
export const OTHER_INPUT_MESSAGE =
  'This Idempotency-Key was already used with other input: send a new key for a different request.';
export const IN_FLIGHT_MESSAGE = 'A request with this Idempotency-Key is still being processed; retry later.';
export const RESPONSE_LOST_CODE = 'IDEMPOTENT_RESPONSE_LOST';
export const RESPONSE_LOST_MESSAGE =
  'The first request with this Idempotency-Key was written, but its answer was lost before it could be kept ' +
  '(its server stopped), so it is not run again. Read what it changed to see the outcome (`extensions.committedAt` ' +
  'says when it was written); to make the change once more, send a new key.';

/** What marks the row in each transaction of its request: see the comment at the top. */
export function committedMarker(id: string): CommitMarker {
  return {
    text: 'UPDATE "IdempotencyKey" SET "committedAt" = COALESCE("committedAt", now()) WHERE "id" = $1',
    values: [id],
  };
}

/** Whose keys these are: each caller has its own namespace. */
export function idempotencyScope(viewer: Viewer, ip: string | undefined): string {
  switch (viewer.kind) {
    case 'user':
      return `user:${viewer.userId}`;
    case 'apiKey':
      return `key:${viewer.apiKeyId}`;
    default:
      return `ip:${ip ?? 'unknown'}`;
  }
}

/** What the `key` column holds: a digest, so that the stored key cannot decrypt the response. */
export function keyDigest(key: string): string {
  return createHash('sha256').update(`seminarhub idempotency key\u0000${key}`).digest('hex');
}

/** JSON with object keys sorted at every level, so that `{a, b}` and `{b, a}` hash alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of the document as sent, the operation name and the variables. */
export function requestHash(request: {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
}): string {
  const canonical = canonicalJson({
    query: request.query,
    operationName: request.operationName ?? null,
    variables: request.variables ?? {},
  });
  return createHash('sha256').update(canonical).digest('hex');
}

interface Sealed {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

function cipherKey(key: string, scope: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, scope, 'seminarhub idempotent response', 32));
}

/** The row's own identity is authenticated too: a response cannot be moved to another row. */
function additionalData(scope: string, hash: string): Buffer {
  return Buffer.from(`${scope}\u0000${hash}`);
}

function seal(result: FormattedExecutionResult, key: string, scope: string, hash: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(key, scope), iv);
  cipher.setAAD(additionalData(scope, hash));
  const data = Buffer.concat([cipher.update(JSON.stringify(result), 'utf8'), cipher.final()]);
  return {
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function open(sealed: Sealed, key: string, scope: string, hash: string): FormattedExecutionResult {
  const decipher = createDecipheriv('aes-256-gcm', cipherKey(key, scope), Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(additionalData(scope, hash));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  return JSON.parse(text.toString('utf8')) as FormattedExecutionResult;
}

/** A request-level error answered without executing: no `data`, a status and maybe headers. */
function refusal(
  status: number,
  code: string,
  message: string,
  headers: [string, string][] = [],
  extensions: Record<string, unknown> = {},
): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap(headers) },
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code, ...extensions } }] } },
  };
}

/** True when the mutation ran: at least one root field returned data. */
function mutationRan(result: FormattedExecutionResult): boolean {
  if (!result.errors?.length) return true;
  const data = result.data as Record<string, unknown> | null | undefined;
  return !!data && Object.values(data).some((value) => value !== null && value !== undefined);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Claims the key for this request (and returns null: execute), or answers in its place: the stored
 * response, 422 for other input, 409 while the first is running. The unique (scope, key) index
 * settles races: of two requests inserting at once, one gets P2002 and reads the other's row.
 */
async function claimOrAnswer(
  { prisma, viewer, ip, log }: Context,
  header: string,
  hash: string,
  inFlightLimitMs: number,
  claimed: (id: string, scope: string) => void,
): Promise<GraphQLResponse | null> {
  const scope = idempotencyScope(viewer, ip);
  const key = keyDigest(header);
  // A stale row is deleted, then the key is claimed or found fresh; a third round is a safety margin.
  for (let round = 0; round < 3; round++) {
    try {
      const row = await prisma.idempotencyKey.create({ data: { scope, key, requestHash: hash }, select: { id: true } });
      claimed(row.id, scope);
      return null;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await prisma.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
    if (!existing) continue; // Released meanwhile (that attempt failed): claim it.
    if (existing.createdAt.getTime() <= Date.now() - IDEMPOTENCY_TTL_MS) {
      await prisma.idempotencyKey.deleteMany({ where: { id: existing.id, createdAt: existing.createdAt } });
      continue;
    }
    if (existing.requestHash !== hash) return refusal(422, 'BAD_USER_INPUT', OTHER_INPUT_MESSAGE);
    if (existing.response === null && existing.createdAt.getTime() <= Date.now() - inFlightLimitMs) {
      if (existing.committedAt !== null) {
        // Its request wrote and can no longer answer: running it again would write twice.
        log.warn({ idempotencyKeyId: existing.id }, 'an Idempotency-Key left in flight had written: answer lost');
        return refusal(409, RESPONSE_LOST_CODE, RESPONSE_LOST_MESSAGE, [], {
          committedAt: existing.committedAt.toISOString(),
        });
      }
      // Its request can no longer write, and wrote nothing: released, unless it was answered or
      // marked meanwhile (then the next round finds it so).
      log.warn({ idempotencyKeyId: existing.id }, 'released an Idempotency-Key left in flight');
      await prisma.idempotencyKey.deleteMany({
        where: { id: existing.id, response: { equals: Prisma.DbNull }, committedAt: null },
      });
      continue;
    }
    if (existing.response === null) return refusal(409, 'THROTTLED', IN_FLIGHT_MESSAGE, [['retry-after', '1']]);
    log.info({ idempotencyKeyId: existing.id }, 'idempotent replay');
    return {
      http: { headers: new HeaderMap([[REPLAYED_HEADER, 'true']]) },
      body: { kind: 'single', singleResult: open(existing.response as unknown as Sealed, header, scope, hash) },
    };
  }
  return refusal(409, 'THROTTLED', IN_FLIGHT_MESSAGE, [['retry-after', '1']]);
}

export interface IdempotencyOptions {
  /** The request deadline, which bounds how long a row can rightly stay in flight. */
  requestTimeoutMs: number;
}

/**
 * The bookkeeping runs outside the request's `RequestWork`: the claim is no write of the mutation's,
 * and the row must be settled even after the deadline stopped the request.
 */
export function idempotentMutations({ requestTimeoutMs }: IdempotencyOptions): ApolloServerPlugin<Context> {
  const inFlightLimitMs = longestRequestMs(requestTimeoutMs) + IN_FLIGHT_MARGIN_MS;
  return {
    async requestDidStart({ request }) {
      const header = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (header === undefined) return;
      const work = currentRequestWork();
      /** Set once this request owns the row: its response decides what becomes of it. */
      let claim: { id: string; scope: string; hash: string } | undefined;

      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation') return;
          if (!KEY_FORMAT.test(header)) {
            throw new GraphQLError(MALFORMED_KEY_MESSAGE, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },

        // Here rather than in didResolveOperation: those hooks run side by side, and a row claimed
        // while another plugin refuses the request would be left in flight.
        async responseForOperation({ operation, source, request, contextValue }) {
          if (operation.operation !== 'mutation') return null;
          try {
            const { operationName, variables } = request;
            const hash = requestHash({ query: source, operationName, variables });
            return await outsideRequestWork(() =>
              claimOrAnswer(contextValue, header, hash, inFlightLimitMs, (id, scope) => {
                claim = { id, scope, hash };
                work?.markCommits(committedMarker(id));
              }),
            );
          } catch (error) {
            // Not executed, so nothing written: a 503 to retry when the database is unavailable,
            // otherwise masked like any unexpected error, and logged.
            if (isDatabaseUnavailable(error)) {
              logDatabaseOutage(contextValue.log, error, contextValue.requestId);
              return {
                http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
                body: {
                  kind: 'single',
                  singleResult: {
                    errors: [unavailableError(databaseUnavailableMessage(false), contextValue.requestId)],
                  },
                },
              };
            }
            contextValue.log.error({ err: error }, 'could not check the Idempotency-Key');
            return {
              http: { status: 500, headers: new HeaderMap() },
              body: {
                kind: 'single',
                singleResult: {
                  errors: [
                    {
                      message: 'Internal server error. Quote the requestId when reporting it.',
                      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId },
                    },
                  ],
                },
              },
            };
          }
        },

        async willSendResponse({ response, contextValue }) {
          if (!claim) return;
          const { id, scope, hash } = claim;
          const { prisma, log } = contextValue;
          // Stopped by the deadline with nothing written: the client got a 503, not this answer.
          const ran =
            response.body.kind === 'single' &&
            (work?.committed || (!work?.stopped && mutationRan(response.body.singleResult)));
          try {
            await outsideRequestWork(async () => {
              if (response.body.kind === 'single' && ran) {
                const sealed = seal(response.body.singleResult, header, scope, hash);
                await prisma.idempotencyKey.update({
                  where: { id },
                  data: { response: sealed as unknown as Prisma.InputJsonObject, completedAt: new Date() },
                });
              } else {
                await prisma.idempotencyKey.deleteMany({ where: { id } });
              }
            });
          } catch (error) {
            // The client still gets its answer. The row stays in flight (409 to retries) until its
            // request can no longer be running, then it is settled by its marker: refused as
            // written, its answer lost, or released if nothing committed.
            const level = isDatabaseUnavailable(error) ? 'warn' : 'error';
            log[level]({ err: error, idempotencyKeyId: id, ran }, 'could not record the idempotent response');
          }
        },
      };
    },
  };
}
