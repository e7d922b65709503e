import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Database } from '@seminarhub/db';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { forgetCredentialsAfterMutations } from './core/auth/credential-cache.ts';
import { ANONYMOUS } from './core/auth/viewer.ts';
import { type Context, createContext } from './core/context.ts';
import { createFastReads } from './fast-read/gateway.ts';
import { spliceRawData } from './fast-read/raw-data.ts';
import { adminRouter } from './http/admin.ts';
import { type AdmissionOptions, admission, admissionLimits } from './http/admission.ts';
import { anonymousMutations } from './http/anonymous-mutations.ts';
import { authentication, refuseBadCredentials } from './http/authentication.ts';
import { verifyJsonBody } from './http/body-guard.ts';
import { compressAnswers } from './http/compress.ts';
import { crossOrigin } from './http/cors.ts';
import { deadline, enterRequestWork } from './http/deadline.ts';
import { errorLogging, maskError } from './http/errors.ts';
import { graphiqlPage, graphiqlPolicy, graphiqlRouter } from './http/graphiql.ts';
import { graphqlLane } from './http/graphql-lane.ts';
import { securityHeaders } from './http/headers.ts';
import { idempotentMutations } from './http/idempotency.ts';
import { inputGuard } from './http/input-guard.ts';
import { armor, introspectionForIdentifiedCallers, LIMITS } from './http/limits.ts';
import { nodeLimit } from './http/node-limit.ts';
import { type RateLimitOptions, rateLimit } from './http/rate-limit.ts';
import { readOnlyApiKeys } from './http/read-only-keys.ts';
import { series } from './http/series.ts';
import { COMPRESSION_THRESHOLD } from './http/static-assets.ts';
import { answerDatabaseOutage } from './http/unavailable.ts';
import type { Logger } from './logger.ts';
import { accessLog } from './observability/access-log.ts';
import { createMetrics } from './observability/metrics.ts';
import { getSchema } from './schema.ts';

export interface ServerOptions {
  db: Database;
  logger: Logger;
  /** Production hides introspection from anonymous callers. */
  production?: boolean;
  /** Deadline of one request; match the pool's statement_timeout. */
  requestTimeoutMs?: number;
  rateLimit?: RateLimitOptions;
  /** Origins whose pages may call /graphql from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For names the client; loopback by default. */
  trustProxy?: boolean | number | readonly string[];
  /** Bearer token for /metrics (METRICS_TOKEN); without it only loopback callers not behind a proxy. */
  metricsToken?: string | undefined;
  /** Read queries compiled to one SQL statement (FAST_READS); off, every field runs its resolver. */
  fastReads?: boolean;
  /** Send /graphql through Express's router too, as every other path (`http/graphql-lane.ts`); off by default. */
  routerForEveryRequest?: boolean;
  /** How many /graphql requests run and wait at once; beyond, 503 at once (`http/admission.ts`). */
  admission?: AdmissionOptions;
}

/** Generous enough for a person clicking or a script paging; tight enough to blunt a flood. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { points: 600, anonymousPoints: 120, windowSeconds: 60 };

export interface Server {
  /** The HTTP application: mount it, or `listen` on it. */
  app: Express;
  apollo: ApolloServer<Context>;
  /** Stops Apollo; the caller closes the HTTP listener and the database. */
  stop(): Promise<void>;
}

/** Largest request body accepted; GraphQL documents and variables fit far below it. */
export const BODY_LIMIT = '100kb';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Builds the API without binding a port, so that tests drive exactly what production runs. */
export async function createServer(options: ServerOptions): Promise<Server> {
  const { db, logger } = options;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const protection = armor();
  const admitted = admission(
    admissionLimits(options.admission ?? {}, db.pool.options.max ?? 10, requestTimeoutMs),
    logger,
    (reason) => metrics.requestShed(reason),
  );
  const metrics = createMetrics(db, { token: options.metricsToken, admission: admitted });
  const fastReads = createFastReads({
    schema: await getSchema(),
    pool: db.pool,
    logger,
    enabled: options.fastReads ?? true,
    onOutcome: metrics.fastRead,
  });
  const apollo = new ApolloServer<Context>({
    // Execution goes through the fast read path, which answers the reads it compiles in one
    // statement and hands everything else to the schema's resolvers (fast-read/gateway.ts).
    gateway: fastReads.gateway,
    csrfPrevention: true,
    // On in every environment: Apollo's own default turns it off for everyone in production, and
    // introspectionForIdentifiedCallers decides instead (anonymous callers only are refused there).
    introspection: true,
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: LIMITS.tokens },
    hideSchemaDetailsFromClientErrors: true,
    // main.ts owns the signals: it stops accepting, drains, then stops Apollo and the database.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are given, and its willResolveField hook would cost every field of every answer.
      ApolloServerPluginCacheControlDisabled(),
      ...protection.plugins,
      // First of the operation checks: who may mutate, then inputs no later walk could survive.
      anonymousMutations,
      inputGuard,
      nodeLimit,
      errorLogging,
      forgetCredentialsAfterMutations,
      readOnlyApiKeys,
      introspectionForIdentifiedCallers(options.production ?? false),
      idempotentMutations({ requestTimeoutMs }),
      metrics.plugin,
    ],
    logger,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? 'loopback');

  const prelude = series(
    requestId,
    metrics.observeRequests,
    accessLog(logger),
    securityHeaders,
    compressAnswers(COMPRESSION_THRESHOLD),
  );
  const cors = crossOrigin(options.corsOrigins ?? []);
  const graphiqlOnGet: RequestHandler = (req, res, next) => {
    // A browser asking for a page gets GraphiQL; GET requests with a query go to Apollo. The
    // method is checked here too, for the lane, which has no route to check it.
    if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      req.query.query === undefined &&
      req.accepts(['application/json', 'text/html']) === 'text/html'
    ) {
      graphiqlPolicy(req, res, () => {
        res.type('html').set('cache-control', 'no-cache').send(graphiqlPage('/graphql'));
      });
      return;
    }
    next();
  };
  const graphql = series(
    deadline(requestTimeoutMs, logger),
    // Before anything that reads the database: a shed request costs none of its work.
    admitted.handler,
    utf8Only,
    authentication(db.prisma),
    rateLimit({ ...(options.rateLimit ?? DEFAULT_RATE_LIMIT), onRefused: metrics.rateLimitRefused }, logger),
    refuseBadCredentials,
    express.json({ limit: BODY_LIMIT, verify: verifyJsonBody }),
    enterRequestWork,
    fastReads.answerKnownReads,
    spliceRawData,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = createContext({
          prisma: db.prisma,
          log: logger,
          requestId: res.locals.requestId as string,
          viewer: res.locals.viewer ?? ANONYMOUS,
          ip: req.ip,
        });
        metrics.bind(context, res);
        return context;
      },
    }),
  );

  app.use(prelude);
  // First, as it takes most requests, so that they pass no other route. A preflight is answered
  // here, without a deadline, a credential or a rate-limit point.
  app.use('/graphql', cors);
  app.get('/graphql', graphiqlOnGet);
  app.use('/graphql', graphql);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await db.isReachable();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.get('/metrics', metrics.endpoint);

  app.use(adminRouter());
  app.use(graphiqlRouter());

  app.use(notFound);
  const errors = httpErrors(logger);
  app.use(errors);
  // The same handlers for exactly /graphql, without the router (http/graphql-lane.ts).
  if (!options.routerForEveryRequest) graphqlLane(app, series(prelude, cors, graphiqlOnGet, graphql), notFound, errors);

  return { app, apollo, stop: () => apollo.stop() };
}

const notFound: RequestHandler = (_req, res) => {
  res
    .status(404)
    .json({ errors: [{ message: 'Not found. The API is at /graphql.', extensions: { code: 'NOT_FOUND' } }] });
};

/** The client's X-Request-Id when it is a plausible one, else a fresh one; echoed on the answer. */
const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  res.locals.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', res.locals.requestId);
  next();
};

/**
 * JSON bodies must be UTF-8. body-parser accepts any `utf-*` charset, UTF-7 included, whose decoding
 * has been used to smuggle payloads and stall servers (Apollo 5.4's fix for its own parser).
 */
const utf8Only: RequestHandler = (req, res, next) => {
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.get('content-type') ?? '')?.[2]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return next();
  res.status(415).json({
    errors: [{ message: `Unsupported charset "${charset}": send UTF-8.`, extensions: { code: 'BAD_REQUEST' } }],
  });
};

/** Errors before GraphQL runs (body too large, malformed JSON): a JSON answer, never a stack trace. */
function httpErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; expose?: boolean; message?: string }, _req, res, _next) => {
    // Already answered (the deadline fired): the late handler's failure is expected, not news.
    if (res.headersSent) {
      if (!res.locals.timedOut)
        logger.error({ err: error, requestId: res.locals.requestId }, 'error after the response was sent');
      return;
    }
    // Authentication reads the database before GraphQL runs: an outage there is a 503 like any other.
    if (answerDatabaseOutage(error, res, logger)) return;
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error, requestId: res.locals.requestId }, 'unexpected HTTP error');
    const message =
      error.type === 'entity.too.large'
        ? `Request body too large: the limit is ${BODY_LIMIT}.`
        : error.type === 'entity.parse.failed'
          ? 'Request body is not valid JSON.'
          : status === 500
            ? 'Internal server error. Quote the requestId when reporting it.'
            : (error.expose && error.message) || 'Bad request.';
    res.status(status).json({
      errors: [
        {
          message,
          extensions: {
            code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
            requestId: res.locals.requestId,
          },
        },
      ],
    });
  };
}
