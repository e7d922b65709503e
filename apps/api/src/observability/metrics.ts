import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { FormattedExecutionResult } from 'graphql';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Context } from '../core/context.ts';
import type { FastReadOutcome } from '../fast-read/gateway.ts';
import type { Admission, ShedReason } from '../http/admission.ts';

/** What a GraphQL request came to, from the caller's side of the line. */
export type Outcome = 'ok' | 'user_error' | 'client_error' | 'server_error' | 'unavailable';

/** What the server learns of one request while it runs, read when its answer has gone out. */
export interface Observation {
  /** Name of the operation, once it parsed and validated; see `operationLabel`. */
  operation?: string;
  /** query, mutation or subscription. */
  type?: string;
  /** Set when Apollo answered; the HTTP status decides otherwise (a 429, a 503 from the deadline). */
  outcome?: Outcome;
}

/** Codes that say "not now, retry": the database or the deadline, not the request. */
const UNAVAILABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'TIMEOUT', 'REQUEST_TIMEOUT', 'GATEWAY_TIMEOUT']);

/** Most distinct operation names kept as labels; later names count as `(other)`. */
export const MAX_OPERATION_LABELS = 200;

/** Seconds: from a cached read to a slow report. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsSource {
  /** The pg pool behind Prisma (`Database.pool`). */
  pool: { totalCount: number; idleCount: number; waitingCount: number; options: { max?: number } };
}

export interface Metrics {
  readonly registry: Registry;
  /** First on the app: times every request and counts /graphql ones by operation and outcome. */
  readonly observeRequests: RequestHandler;
  /** Fills the request's observation from Apollo: the validated operation and its outcome. */
  readonly plugin: ApolloServerPlugin<Context>;
  /** Ties a GraphQL context to its response, so that the plugin finds the observation. */
  bind(context: Context, res: Response): void;
  /** Counts one request refused by the rate limiter. */
  rateLimitRefused(budget: 'anonymous' | 'identified'): void;
  /** Counts one read query by the path that answered it: one compiled statement (through Apollo, or known), or the resolvers. */
  fastRead(path: FastReadOutcome): void;
  /** Counts one request answered 503 by the admission limit without being worked on. */
  requestShed(reason: ShedReason): void;
  /** GET /metrics: the bearer token when one is configured, else loopback callers not behind a proxy. */
  readonly endpoint: RequestHandler;
}

/** The outcome of an answered GraphQL request, from its errors' codes and its payloads' userErrors. */
export function outcomeOf(result: FormattedExecutionResult): Outcome {
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  if (codes.some((code) => typeof code === 'string' && UNAVAILABLE_CODES.has(code))) return 'unavailable';
  if (codes.some((code) => code === undefined || code === 'INTERNAL_SERVER_ERROR')) return 'server_error';
  if (codes.length > 0) return 'client_error';
  // A compiled read's data is a placeholder string until the body is written (fast-read/raw-data.ts).
  const payloads = typeof result.data === 'object' && result.data !== null ? Object.values(result.data) : [];
  const userError = payloads.some(
    (payload) =>
      typeof payload === 'object' &&
      payload !== null &&
      Array.isArray((payload as { userErrors?: unknown }).userErrors) &&
      (payload as { userErrors: unknown[] }).userErrors.length > 0,
  );
  return userError ? 'user_error' : 'ok';
}

function outcomeOfStatus(status: number): Outcome {
  if (status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'client_error';
  return 'ok';
}

/** The label of a path: the routes the app has, never what a client typed. */
function routeOf(req: Request): string {
  const path = req.originalUrl.split('?')[0] ?? '';
  for (const route of ['/graphql', '/healthz', '/readyz', '/metrics', '/admin', '/graphiql']) {
    if (path === route || path.startsWith(`${route}/`)) return route;
  }
  return 'other';
}

export interface MetricsOptions {
  token?: string | undefined;
  /** The admission limit of /graphql (`http/admission.ts`), whose slots and queue are gauged. */
  admission?: Pick<Admission, 'running' | 'queued' | 'limits'>;
}

export function createMetrics(source: MetricsSource, options: MetricsOptions = {}): Metrics {
  // A registry per server, not prom-client's global one: tests build many servers in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'seminarhub_' });
  const registers = [registry];

  const httpDuration = new Histogram({
    name: 'seminarhub_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status, from arrival to the last byte of the answer.',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const operations = new Counter({
    name: 'seminarhub_graphql_requests_total',
    help: 'GraphQL requests by operation name, type and outcome (ok, user_error, client_error, server_error, unavailable).',
    labelNames: ['operation', 'type', 'outcome'],
    registers,
  });
  const operationDuration = new Histogram({
    name: 'seminarhub_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name, type and outcome, from arrival to the last byte of the answer.',
    labelNames: ['operation', 'type', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const refusals = new Counter({
    name: 'seminarhub_rate_limit_refusals_total',
    help: 'Requests answered 429 by the rate limiter, by budget (anonymous: per IP address; identified: per user or API key).',
    labelNames: ['budget'],
    registers,
  });
  const reads = new Counter({
    name: 'seminarhub_graphql_read_path_total',
    help: 'Read queries by the path that answered them: compiled (one SQL statement), known (the statement of a read answered before, without Apollo) or reference (the resolvers).',
    labelNames: ['path'],
    registers,
  });
  const shed = new Counter({
    name: 'seminarhub_requests_shed_total',
    help: 'GraphQL requests answered 503 by the admission limit without being worked on, by reason (queue_full: arrived to a full queue; queue_wait: waited too long for a slot).',
    labelNames: ['reason'],
    registers,
  });
  const { admission } = options;
  if (admission) {
    new Gauge({
      name: 'seminarhub_admission_requests',
      help: 'GraphQL requests admitted: running (at most MAX_CONCURRENT_REQUESTS) and queued (at most MAX_QUEUED_REQUESTS).',
      labelNames: ['state'],
      registers,
      collect() {
        this.set({ state: 'running' }, admission.running);
        this.set({ state: 'queued' }, admission.queued);
      },
    });
    new Gauge({
      name: 'seminarhub_admission_limit_requests',
      help: 'Admission limits: most requests running (MAX_CONCURRENT_REQUESTS) and queued (MAX_QUEUED_REQUESTS).',
      labelNames: ['state'],
      registers,
      collect() {
        this.set({ state: 'running' }, admission.limits.maxConcurrent);
        this.set({ state: 'queued' }, admission.limits.maxQueued);
      },
    });
  }
  new Gauge({
    name: 'seminarhub_db_pool_connections',
    help: 'Database pool: total open connections, idle ones, and queries waiting for a connection.',
    labelNames: ['state'],
    registers,
    collect() {
      this.set({ state: 'total' }, source.pool.totalCount);
      this.set({ state: 'idle' }, source.pool.idleCount);
      this.set({ state: 'waiting' }, source.pool.waitingCount);
    },
  });
  new Gauge({
    name: 'seminarhub_db_pool_max_connections',
    help: 'Most connections the database pool opens (DATABASE_POOL_MAX).',
    registers,
    collect() {
      this.set(source.pool.options.max ?? 10);
    },
  });

  // Names come from documents that parsed and validated, but a client may still send a new name
  // with every request: past the cap, new names share one label so the series stay bounded.
  const seenNames = new Set<string>();
  const operationLabel = (name: string | undefined): string => {
    if (!name) return '(anonymous)';
    const clean = name.slice(0, 64);
    if (seenNames.has(clean)) return clean;
    if (seenNames.size >= MAX_OPERATION_LABELS) return '(other)';
    seenNames.add(clean);
    return clean;
  };

  // Apollo hands plugins a shallow copy of the context, so the request id, not the object, is the key.
  const observations = new Map<string, Observation>();

  const observeRequests: RequestHandler = (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    const observation: Observation = {};
    res.locals.observation = observation;
    res.once('close', () => {
      if (observations.get(res.locals.requestId) === observation) observations.delete(res.locals.requestId);
    });
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const route = routeOf(req);
      httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (route !== '/graphql' || req.method === 'OPTIONS') return;
      // The deadline or the rate limiter may have answered before (or instead of) Apollo.
      const outcome =
        res.locals.timedOut || observation.outcome === undefined
          ? outcomeOfStatus(res.statusCode)
          : observation.outcome;
      const labels = { operation: observation.operation ?? '(none)', type: observation.type ?? '(none)', outcome };
      operations.inc(labels);
      operationDuration.observe(labels, seconds);
    });
    next();
  };

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      const observation = observations.get(contextValue.requestId);
      if (!observation) return;
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          observation.operation = operationLabel(operation.name?.value);
          observation.type = operation.operation;
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') observation.outcome = outcomeOf(response.body.singleResult);
        },
      };
    },
  };

  const endpoint: RequestHandler = async (req, res) => {
    if (!mayReadMetrics(req, options.token)) {
      res.status(options.token ? 401 : 403).type('text/plain');
      if (options.token) res.set('www-authenticate', 'Bearer');
      res.send(
        options.token
          ? 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.\n'
          : 'Metrics are readable from this machine only; set METRICS_TOKEN to read them from elsewhere.\n',
      );
      return;
    }
    res
      .set('cache-control', 'no-store')
      .type(registry.contentType)
      .send(await registry.metrics());
  };

  return {
    registry,
    observeRequests,
    plugin,
    bind(context, res) {
      if (res.locals.observation) observations.set(context.requestId, res.locals.observation);
    },
    rateLimitRefused(budget) {
      refusals.inc({ budget });
    },
    fastRead(path) {
      reads.inc({ path });
    },
    requestShed(reason) {
      shed.inc({ reason });
    },
    endpoint,
  };
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * With a token, only its bearer. Without one, only a caller on this machine that no proxy forwarded:
 * a reverse proxy on the same host connects from loopback too, and would otherwise publish /metrics.
 */
function mayReadMetrics(req: Request, token: string | undefined): boolean {
  if (token) {
    const sent = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    const expected = Buffer.from(token);
    const given = Buffer.from(sent);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const forwarded = req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined;
  return !forwarded && LOOPBACK.test(req.socket.remoteAddress ?? '');
}
