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
  /** True when the database answers a trivial query within the connection timeout. */
  isReachable(): Promise<boolean>;
  /** Closes the client and the pool, then stops the embedded server if there is one. Idempotent. */
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const log = config.logger;
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, ...(log ? { logger: log } : {}) });
  const url = config.databaseUrl ?? (embedded as EmbeddedServer).url;

  try {
    const appliedMigrations = config.migrate === false ? [] : await applyPendingMigrations(url);
    if (appliedMigrations.length > 0) log?.info({ migrations: appliedMigrations }, 'applied migrations');

    // Its connections count each request's statements, so that a deadline can stop them (request-work.ts).
    const pool = new RequestWorkPool({
      connectionString: url,
      max: config.poolMax ?? 10,
      connectionTimeoutMillis: config.connectionTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: config.statementTimeoutMs ?? 10_000,
    });
    // An idle client's error (the server restarted, the network dropped) is emitted on the pool, and an
    // unhandled 'error' event would crash the process; the pool replaces the client on its own.
    pool.on('error', (error: Error & { code?: string }) =>
      log?.warn({ code: error.code, reason: error.message }, 'idle database connection lost'),
    );

    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    let closing: Promise<void> | undefined;

    return {
      prisma,
      pool,
      mode: embedded ? 'embedded' : 'external',
      embedded,
      appliedMigrations,
      async isReachable() {
        try {
          await pool.query('SELECT 1');
          return true;
        } catch {
          return false;
        }
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
