import { createHash } from 'node:crypto';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { currentRequestWork, type Database, isDatabaseUnavailable, type RequestWork } from '@seminarhub/db';
import type { RequestHandler } from 'express';
import {
  type DocumentNode,
  execute,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { readsEverything } from '../core/auth/guards.ts';
import { EMPTY_SCOPE } from '../core/auth/viewer.ts';
import type { Context } from '../core/context.ts';
import type { Logger } from '../logger.ts';
import type { Observation } from '../observability/metrics.ts';
import { compileRead } from './compile.ts';
import { cacheableViewerKind, knownReadKey, knownReads, MAX_KEPT_VARIABLES } from './known-reads.ts';
import { DATA_HEAD, DATA_TAIL, holdRawData, type WholeAnswer, writeAnswer } from './raw-data.ts';
import { Unsupported } from './unsupported.ts';

/** What the fast path did with an operation, for the metrics and the differential test. */
export type FastReadOutcome = 'compiled' | 'known' | 'reference';

export interface FastReadOptions {
  schema: GraphQLSchema;
  pool: Database['pool'];
  logger: Logger;
  /** Off: every operation runs on the reference resolvers (FAST_READS=false, and the differential test). */
  enabled?: boolean;
  onOutcome?: (outcome: FastReadOutcome) => void;
}

/**
 * Past this many prepared statements a connection is closed when it returns to the pool, which opens
 * a fresh one: the server keeps each prepared plan for the connection's life, and the shapes of
 * arbitrary queries are unbounded.
 */
export const MAX_PREPARED_PER_CONNECTION = 100;

/**
 * Runs a compiled statement as a named prepared statement, so that PostgreSQL parses and plans each
 * shape once per connection (1.4 to 1.7 ms for the bench's nested Q1) instead of at every request.
 */
async function runPrepared(pool: Database['pool'], compiled: Plan) {
  const client = await pool.connect();
  try {
    const result = await client.query<{ data: string }>(compiled);
    const prepared = (client as unknown as { connection?: { parsedStatements?: object } }).connection?.parsedStatements;
    client.release(prepared && Object.keys(prepared).length > MAX_PREPARED_PER_CONNECTION);
    return result;
  } catch (error) {
    // As pool.query does: a connection that failed a statement is not trusted with another.
    client.release(error as Error);
    throw error;
  }
}

const tracer = trace.getTracer('seminarhub-fast-read');

/**
 * The operation's span, named as the graphql instrumentation names the ones `execute` makes
 * ("query <name>"), so that a trace looks the same whichever path answered; its statement's span
 * (pg's) is its child. A no-op when tracing is off.
 */
function tracedRun<T>(operationName: string | null, run: () => Promise<T>): Promise<T> {
  const attributes = {
    'graphql.operation.type': 'query',
    'graphql.operation.name': operationName ?? '',
    'seminarhub.read_path': 'compiled',
  };
  return tracer.startActiveSpan(`query${operationName ? ` ${operationName}` : ''}`, { attributes }, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

interface Plan {
  name: string;
  text: string;
  values: unknown[];
}

function planOf(compiled: { text: string; values: unknown[] }): Plan {
  return { name: `fr_${createHash('sha1').update(compiled.text).digest('base64url').slice(0, 24)}`, ...compiled };
}

/**
 * The plans of viewers whose rules take nothing of their own (`cacheableViewerKind`) depend only on
 * the document and its variables, so they are kept, and so is the decision to leave an operation to
 * the resolvers. Other viewers' rules carry their assignments and enrollments, which a write may
 * change: theirs are compiled every time.
 */
function planKey(rc: Parameters<GatewayExecutor>[0], viewer: Context['viewer']): string | undefined {
  const kind = cacheableViewerKind(viewer);
  if (!kind) return undefined;
  const variables = JSON.stringify(rc.request.variables ?? {});
  if (variables.length > MAX_KEPT_VARIABLES) return undefined;
  return `${kind}\n${rc.queryHash}\n${rc.operationName ?? ''}\n${variables}`;
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

export interface FastReads {
  /**
   * Apollo Server's gateway interface, used for what it is: the one place that replaces execution
   * while parsing, validation and every plugin (limits, node budget, logging, metrics) stay as they
   * are. A query the fast path compiles runs as one SQL statement that returns the `data` JSON; any
   * other operation, and any query it cannot compile, runs on the schema's resolvers (`execute`).
   */
  gateway: GatewayInterface;
  /**
   * Just before Apollo on /graphql, after every per-request check: a read answered before, whole,
   * by one compiled statement (`known-reads.ts`) is answered again from that statement, without
   * Apollo's parsing, validation and plugin hooks, whose verdicts on it are known. Anything else, or
   * a statement that fails, goes on to Apollo.
   */
  answerKnownReads: RequestHandler;
}

export function createFastReads(options: FastReadOptions): FastReads {
  const { schema, pool, logger } = options;
  const plans = new LRUCache<string, Plan | 'reference'>({ max: 1_000 });
  const answered = knownReads<Plan>();
  const keep =
    (plan: Plan, operationName: string | null): WholeAnswer =>
    (res) => {
      // Made by answerKnownReads, which this request passed on its way to Apollo.
      const key = res.locals.knownReadKey as string | undefined;
      const contentType = res.getHeader('content-type');
      const observation = res.locals.observation as Observation | undefined;
      if (key === undefined || typeof contentType !== 'string' || !observation) return;
      answered.set(key, { plan, operationName, contentType, observation: { ...observation } });
    };
  const reference: GatewayExecutor = async (rc) =>
    execute({
      schema,
      document: rc.document,
      operationName: rc.operationName,
      variableValues: rc.request.variables ?? {},
      contextValue: rc.context,
    });

  const executor: GatewayExecutor = async (rc) => {
    if (options.enabled === false || rc.operation.operation !== 'query') return reference(rc);
    const ctx = rc.context as Context;
    const key = planKey(rc, ctx.viewer);
    const cached = key === undefined ? undefined : plans.get(key);
    if (cached === 'reference') {
      options.onOutcome?.('reference');
      return reference(rc);
    }
    let compiled: Plan;
    if (cached) compiled = cached;
    else
      try {
        const scope = readsEverything(ctx.viewer) ? EMPTY_SCOPE : await ctx.scope();
        compiled = planOf(
          compileRead(schema, rc.operation, fragmentsOf(rc.document), rc.request.variables ?? {}, ctx.viewer, scope),
        );
        if (key !== undefined) plans.set(key, compiled);
      } catch (error) {
        // Bad arguments and everything not compiled: the resolvers answer, with their own errors.
        if (!(error instanceof Unsupported) && isDatabaseUnavailable(error)) throw error;
        if (key !== undefined) plans.set(key, 'reference');
        options.onOutcome?.('reference');
        return reference(rc);
      }
    try {
      const result = await tracedRun(rc.operationName, () => runPrepared(pool, compiled));
      options.onOutcome?.('compiled');
      // Typed as an object for Apollo; raw-data.ts puts the text in its place in the body.
      const data = holdRawData(
        ctx.requestId,
        result.rows[0]?.data ?? 'null',
        key === undefined ? undefined : keep(compiled, rc.operationName),
      );
      return { data: data as unknown as Record<string, unknown> };
    } catch (error) {
      const work = currentRequestWork();
      if (isDatabaseUnavailable(error) || work?.stopped) {
        return { data: null, errors: [new GraphQLError('database unavailable', { originalError: error as Error })] };
      }
      // A statement the compiler got wrong must not fail the request: log it, and answer from the resolvers.
      logger.error({ err: error, requestId: ctx.requestId }, 'fast read statement failed; answered by the resolvers');
      options.onOutcome?.('reference');
      return reference(rc);
    }
  };

  const answerKnownReads: RequestHandler = (req, res, next) => {
    const key = options.enabled === false ? undefined : knownReadKey(req, res.locals.viewer);
    const read = key === undefined ? undefined : answered.get(key);
    if (!read) {
      // Kept for `keep`, should Apollo answer with data alone: the key is built once per request.
      res.locals.knownReadKey = key;
      return next();
    }
    tracedRun(read.operationName, () => runPrepared(pool, read.plan)).then(
      (result) => {
        // Answered meanwhile (its deadline passed): nothing is left to send.
        if (res.headersSent) return;
        options.onOutcome?.('known');
        Object.assign(res.locals.observation ?? {}, read.observation);
        res.status(200).setHeader('content-type', read.contentType);
        writeAnswer(res, DATA_HEAD, result.rows[0]?.data ?? 'null', DATA_TAIL);
      },
      // Stopped by its deadline: the deadline answers. Otherwise Apollo answers instead, and meets
      // the failure again if it lasts (an outage): with its own answer to it.
      () => {
        if (!res.headersSent && !(res.locals.work as RequestWork | undefined)?.stopped) next();
      },
    );
  };

  return {
    gateway: {
      async load() {
        return { executor };
      },
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => {};
      },
      async stop() {},
    },
    answerKnownReads,
  };
}
