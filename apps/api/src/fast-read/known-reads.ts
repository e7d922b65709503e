import type { Request } from 'express';
import { LRUCache } from 'lru-cache';
import type { Viewer } from '../core/auth/viewer.ts';
import type { Observation } from '../observability/metrics.ts';

/**
 * The viewers whose rules take nothing of their own (administrators, API keys, anonymous callers:
 * no access scope, no person), by kind; undefined for everyone else. For them, what a read returns
 * depends only on the request and the rows, so its plan, and its whole handling, can be kept.
 */
export function cacheableViewerKind(viewer: Viewer): string | undefined {
  if (viewer.kind === 'user') return viewer.role === 'ADMIN' ? 'admin' : undefined;
  return viewer.kind;
}

/** Variables longer than this as JSON make a request its own: not worth keeping. */
export const MAX_KEPT_VARIABLES = 4_096;

/**
 * Everything besides the rows that decides how Apollo answers a read: the viewer's kind (the
 * introspection and mutation rules), the path, the content type and Accept headers (the content
 * type of the answer), and the body itself (parsing, validation, the limits, the node budget and the
 * input checks are functions of the document and its variables). Undefined when the request is not
 * one to keep: another kind of viewer, an Idempotency-Key, a body with anything else in it
 * (persisted queries, extensions), or large variables.
 */
export function knownReadKey(req: Request, viewer: Viewer): string | undefined {
  const kind = cacheableViewerKind(viewer);
  if (kind === undefined || req.method !== 'POST' || req.headers['idempotency-key'] !== undefined) return undefined;
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  let query: unknown;
  let operationName: unknown;
  let variables: unknown;
  for (const [field, value] of Object.entries(body)) {
    if (field === 'query') query = value;
    else if (field === 'operationName') operationName = value;
    else if (field === 'variables') variables = value;
    else return undefined;
  }
  if (typeof query !== 'string') return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return undefined;
  }
  const variablesJson = JSON.stringify(variables ?? null);
  if (variablesJson.length > MAX_KEPT_VARIABLES) return undefined;
  return [
    kind,
    req.originalUrl,
    req.headers['content-type'] ?? '',
    req.headers.accept ?? '',
    JSON.stringify(operationName ?? null),
    variablesJson,
    query,
  ].join('\n');
}

/** How a kept read was answered, to answer it the same way again. */
export interface KnownRead<Plan> {
  plan: Plan;
  operationName: string | null;
  /** The Content-Type Apollo negotiated for it. */
  contentType: string;
  /** What the metrics recorded of it: its operation's label, type and outcome. */
  observation: Observation;
}

/**
 * Reads whose whole answer the full path (Apollo's parsing, validation and plugins, then the
 * compiled statement) was `{"data": <the statement's JSON>}` and nothing else, by `knownReadKey`.
 * Sent again, such a request gets the same answer from the same statement without going through
 * Apollo: every check that could have refused it gave the same verdict then as it would now. The
 * per-request checks (deadline, admission, credentials, rate limit, body) run before, as for any
 * request. Bounded in count and in the memory of its keys (documents of up to the body limit).
 */
export function knownReads<Plan extends { text: string }>() {
  return new LRUCache<string, KnownRead<Plan>>({
    max: 1_000,
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (known, key) => key.length + known.plan.text.length,
  });
}
