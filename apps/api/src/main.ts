// type-graphql's decorators need the Reflect metadata API before any decorated class loads.
import 'reflect-metadata';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { openDatabase, seedExampleSeminar } from '@seminarhub/db';
import { Redis } from 'ioredis';
import { EnvError, loadEnv } from './env.ts';
import { schedulePurge } from './housekeeping/purge.ts';
import { createLogger } from './logger.ts';
import { ensureFirstAdmin } from './modules/accounts/service.ts';
import { flushTraces, tracingActive } from './observability/trace-flush.ts';
import { createServer } from './server.ts';

const startedAt = performance.now();
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

/** How long in-flight requests may take to finish once shutdown begins. */
const DRAIN_TIMEOUT_MS = 10_000;

async function main() {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
    statementTimeoutMs: env.REQUEST_TIMEOUT_MS,
    logger: log,
  });
  // Rate-limit budgets live in Redis when several API processes must share them.
  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
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
      rateLimit: {
        points: env.RATE_LIMIT_POINTS,
        anonymousPoints: env.RATE_LIMIT_ANONYMOUS_POINTS,
        windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
        redis,
      },
    });
    const stopPurging = schedulePurge(db.prisma, log);
    const http = server.app.listen(env.PORT, env.HOST);
    // Slow clients may not hold connections open: headers within 10 s, the whole request within 15 s.
    http.headersTimeout = 10_000;
    http.requestTimeout = 15_000;
    await once(http, 'listening');
    const { port } = http.address() as AddressInfo;
    log.info(
      { port, database: db.mode, startupMs: Math.round(performance.now() - startedAt) },
      `SeminarHub API ready at http://localhost:${port}/graphql`,
    );

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down: no new connections, draining requests');
      const forced = setTimeout(() => http.closeAllConnections(), DRAIN_TIMEOUT_MS).unref();
      const closed = new Promise((done) => http.close(done));
      http.closeIdleConnections();
      await closed;
      clearTimeout(forced);
      stopPurging();
      await server.stop();
      redis?.disconnect();
      await db.close();
      await flushTraces();
      log.info('stopped');
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
  } catch (error) {
    redis?.disconnect();
    await db.close();
    throw error;
  }
}

main().catch((error: Error) => {
  log.fatal({ err: error }, error.message);
  process.exit(1);
});
