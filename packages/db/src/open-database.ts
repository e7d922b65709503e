import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import type { DbLogger } from './logger.ts';
import { applyPendingMigrations } from './migrations/engine.ts';
import { RequestWorkPool } from './request-work.ts';

export interface DatabaseConfig {
  /** An external PostgreSQL server. When unset, an embedded PostgreSQL is started in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Where the embedded PostgreSQL keeps its data; ignored with `databaseUrl`. */
  dataDir: string;
  /** Apply pending migrations before returning (the server does; tools that only read may not). */
  migrate?: boolean;
  /** Upper bound of pooled connections per process. */
  poolMax?: number;
  /** How long a query waits for a free connection before failing, instead of forever. */
  connectionTimeoutMs?: number;
  /** Server-side limit on one statement, so that a runaway query cannot outlive its request. */
  statementTimeoutMs?: number;
  logger?: DbLogger;
}

export interface Database {
  readonly prisma: PrismaClient;
  /** The pool behind `prisma`, for health checks and raw SQL in tests. */
  readonly pool: pg.Pool;
  /** Where the data lives: `embedded` or `external`. */
  readonly mode: 'embedded' | 'external';
  /** The embedded server, when this process runs one. */
  readonly embedded: EmbeddedServer | undefined;
  /** Migrations applied by this open, oldest first. */
  readonly appliedMigrations: readonly string[];
  /**
   * True when a new connection answers a trivial query within `READINESS_TIMEOUT_MS`. It opens a
   * connection of its own, so a pool of hung connections cannot hang it, and callers at the same
   * time share one check.
   */
  isReachable(): Promise<boolean>;
  /** Closes the client and the pool, then stops the embedded server if there is one. Idempotent. */
  close(): Promise<void>;
}

/** How long the readiness check waits for a new connection and its `SELECT 1`, in all. */
export const READINESS_TIMEOUT_MS = 1_000;
/** The client-side bound on one statement, beyond the server's `statement_timeout`. */
export const QUERY_TIMEOUT_MARGIN_MS = 1_000;
/** Idle time after which TCP keepalive probes a pooled connection. */
const KEEPALIVE_DELAY_MS = 5_000;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const log = config.logger;
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, ...(log ? { logger: log } : {}) });
  const url = config.databaseUrl ?? (embedded as EmbeddedServer).url;

  try {
    const appliedMigrations = config.migrate === false ? [] : await applyPendingMigrations(url);
    if (appliedMigrations.length > 0) log?.info({ migrations: appliedMigrations }, 'applied migrations');

    const statementTimeoutMs = config.statementTimeoutMs ?? 10_000;
    // Its connections count each request's statements, so that a deadline can stop them, and close
    // themselves when they stop answering (request-work.ts).
    const pool = new RequestWorkPool(
      {
        connectionString: url,
        max: config.poolMax ?? 10,
        // Both the wait for a free connection and the opening of a new one.
        connectionTimeoutMillis: config.connectionTimeoutMs ?? 5_000,
        idleTimeoutMillis: 30_000,
        statement_timeout: statementTimeoutMs,
        // The server cancels a statement at statement_timeout; a connection that cannot even say so
        // has stopped answering, and no statement should wait on it forever, as pg's default would.
        query_timeout: statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
        // An idle connection to a server that vanished (a failover, a dropped route) is found by the
        // kernel's probes instead of by the next request.
        keepAlive: true,
        keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
      },
      log,
    );
    // An idle client's error (the server restarted, the network dropped) is emitted on the pool, and an
    // unhandled 'error' event would crash the process; the pool replaces the client on its own.
    pool.on('error', (error: Error & { code?: string }) => {
      // Closed on purpose for silence, and logged by the pool already.
      if (error.code === 'SH_CONNECTION_SILENT') return;
      log?.warn({ code: error.code, reason: error.message }, 'idle database connection lost');
    });
    let readiness: Promise<boolean> | undefined;

    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    let closing: Promise<void> | undefined;

    return {
      prisma,
      pool,
      mode: embedded ? 'embedded' : 'external',
      embedded,
      appliedMigrations,
      isReachable() {
        readiness ??= probe(url, READINESS_TIMEOUT_MS).finally(() => {
          readiness = undefined;
        });
        return readiness;
      },
      close() {
        closing ??= (async () => {
          await prisma.$disconnect();
          // A frozen server never answers the pool's goodbyes: stop waiting for it after 5 s.
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([pool.end(), new Promise((done) => (timer = setTimeout(done, 5_000)))]);
          clearTimeout(timer);
          await embedded?.stop();
        })();
        return closing;
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Opens a connection of its own, runs `SELECT 1` and closes it; false unless all of it took under `timeoutMs`. */
async function probe(url: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = client.connect().then(
    () => client.query('SELECT 1').then(() => true),
    () => false,
  );
  const reachable = await Promise.race([answered.catch(() => false), late]);
  clearTimeout(timer);
  if (reachable) {
    client.end().catch(() => {});
  } else {
    // A stalled server would hold a polite goodbye forever.
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
  return reachable;
}
