// type-graphql's decorators need the Reflect metadata API before any decorated class loads.
import 'reflect-metadata';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { DataDirInUseError, EmbeddedPostgresSetupError, openDatabase, seedExampleSeminar } from '@seminarhub/db';
import { EnvError, loadEnv, tracesExported } from './env.ts';
import { schedulePurge } from './housekeeping/purge.ts';
import { STOP_TIMEOUT_MS } from './http/deadline.ts';
import { drainableServer } from './http/drain.ts';
import { createLogger } from './logger.ts';
import { ensureFirstAdmin } from './modules/accounts/service.ts';
import { flushTraces, tracingActive } from './observability/trace-flush.ts';
import { createServer } from './server.ts';

// V8 grows the heap by a factor of its own choosing (up to 4) before a full collection. Under
// load, the garbage of requests in flight outlives the young generation, and the heap grew to twice
// what was live: peak RSS 380 MB under the bench's Q1 at 64 connections. Growing by half at most,
// it stayed at 240 to 290 MB here. Read at every collection, so it applies from here on.
setFlagsFromString('--heap-growing-percent=50');

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const log = createLogger(env.LOG_LEVEL);
if ((env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && !tracingActive()) {
  log.warn('an OTLP endpoint is set but tracing is off: start the server with node --import ./dist/tracing.js');
}

// A signal before the server is ready: nothing to drain. process.exit runs the embedded PostgreSQL's
// 'exit' handler, which stops it; the default action would leave it running.
const exitDuringStartup = (signal: NodeJS.Signals) => {
  log.warn({ signal }, 'signal during startup: exiting');
  process.exit(1);
};
process.on('SIGTERM', exitDuringStartup);
process.on('SIGINT', exitDuringStartup);

async function main() {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
    statementTimeoutMs: env.REQUEST_TIMEOUT_MS,
    logger: log,
  });
  // Rate-limit budgets live in Redis when several API processes must share them.
  // Loaded only then: without Redis its 40 modules would only lengthen the start.
  const redis = env.REDIS_URL
    ? new (await import('ioredis')).Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  redis?.on('error', (error) =>
    log.warn({ reason: error.message }, 'redis unavailable; rate limits count per process'),
  );
  try {
    if (env.SEED && (await db.prisma.program.count()) === 0) {
      const { created } = await seedExampleSeminar(db.prisma);
      if (created) log.info('seeded the example seminar (KOICA CIAT, Uzbekistan, October 2025)');
    }
    await ensureFirstAdmin(db.prisma, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }, log);
    const server = await createServer({
      db,
      logger: log,
      production: env.NODE_ENV === 'production',
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      corsOrigins: env.CORS_ORIGINS,
      trustProxy: env.TRUST_PROXY,
      metricsToken: env.METRICS_TOKEN,
      fastReads: env.FAST_READS,
      // Traced, every request goes through Express's router, whose instrumentation spans each handler.
      routerForEveryRequest: tracesExported(env),
      admission: {
        maxConcurrent: env.MAX_CONCURRENT_REQUESTS,
        maxQueued: env.MAX_QUEUED_REQUESTS,
        maxQueueWaitMs: env.MAX_QUEUE_WAIT_MS,
      },
      rateLimit: {
        points: env.RATE_LIMIT_POINTS,
        anonymousPoints: env.RATE_LIMIT_ANONYMOUS_POINTS,
        windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
        redis,
      },
    });
    const stopPurging = schedulePurge(db.prisma, log);
    const { http, drain, inFlight, cancel } = drainableServer(server.app);
    http.listen(env.PORT, env.HOST);
    // Slow clients may not hold connections open: headers within 10 s, the whole request within 15 s.
    http.headersTimeout = 10_000;
    http.requestTimeout = 15_000;
    await once(http, 'listening');
    const { port } = http.address() as AddressInfo;
    log.info(
      {
        port,
        database: db.mode, // From the process's start (performance's time origin): module loading and the preload count too.
        startupMs: Math.round(performance.now()),
      },
      `SeminarHub API ready at http://localhost:${port}/graphql`,
    );

    let stage: string | undefined;
    // Past SHUTDOWN_TIMEOUT_MS, whatever the database does: stop the requests' statements, cut the
    // connections, say what was cut, and exit; PostgreSQL is left to its 'exit' signal or the next start.
    const giveUp = async () => {
      setTimeout(() => process.exit(1), STOP_TIMEOUT_MS + 1_000).unref();
      const cancelled = await cancel(STOP_TIMEOUT_MS);
      log.error(
        { stage, timeoutMs: env.SHUTDOWN_TIMEOUT_MS, cancelled },
        `shutdown did not finish within ${env.SHUTDOWN_TIMEOUT_MS} ms while ${stage}: cancelled ${cancelled.length} request(s) in flight, exiting`,
      );
      process.exit(1);
    };
    const shutdown = async (signal: string) => {
      if (stage) return;
      stage = 'draining requests';
      log.info(
        { signal, inFlight: inFlight().length, timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
        'shutting down: no new connections, draining requests',
      );
      setTimeout(() => void giveUp(), env.SHUTDOWN_TIMEOUT_MS);
      const drainStarted = performance.now();
      await drain();
      log.info({ drainMs: Math.round(performance.now() - drainStarted) }, 'drained: every answer sent');
      stage = 'stopping Apollo';
      stopPurging();
      await server.stop();
      redis?.disconnect();
      stage = 'closing the database';
      await db.close();
      stage = 'flushing traces';
      await flushTraces((reason) => log.warn({ reason }, 'the last traces were not exported'));
      log.info('stopped');
      process.exit(0);
    };
    process.off('SIGTERM', exitDuringStartup);
    process.off('SIGINT', exitDuringStartup);
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  } catch (error) {
    redis?.disconnect();
    await db.close();
    throw error;
  }
}

main().catch((error: Error) => {
  // An operator's fix, said in one line: no stack trace.
  if (error instanceof DataDirInUseError || error instanceof EmbeddedPostgresSetupError) log.fatal(error.message);
  else log.fatal({ err: error }, error.message);
  process.exit(1);
});
