import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { packagedPostgresDir } from './embedded-runtime.ts';

const run = promisify(execFile);

/** A database to back up or restore, and what to do once done with it. */
export interface BackupTarget {
  /** Connection string without the password, safe to show and to pass on a command line. */
  readonly url: string;
  /** Given to pg_dump/pg_restore in PGPASSWORD, never in their arguments (visible in `ps`). */
  readonly password: string | undefined;
  /** PostgreSQL's major version, e.g. 18. */
  readonly serverMajor: number;
  /** `external`, `embedded (running on port N)` or `embedded (started for this command)`. */
  readonly description: string;
  /** Stops the embedded server if this command started it. */
  release(): Promise<void>;
}

/** Refusals an operator can act on: one clear sentence, no stack trace. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * The database the server would use: DATABASE_URL, or the embedded PostgreSQL in `dataDir`: the one a
 * running server already started (its port is in postmaster.pid), or one started here.
 */
export async function openBackupTarget(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<BackupTarget> {
  if (options.databaseUrl) return describe(options.databaseUrl, 'external', async () => {});
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    throw new BackupError(
      `There is no embedded database in ${dataDir}: set DATA_DIR, or DATABASE_URL for an external one.`,
    );
  }
  const running = await runningPort(clusterDir);
  if (running !== undefined) {
    const password = (await readFile(join(dataDir, 'postgres-password'), 'utf8')).trim();
    const url = `postgres://seminarhub:${encodeURIComponent(password)}@127.0.0.1:${running}/seminarhub`;
    return describe(url, `embedded (running on port ${running})`, async () => {});
  }
  // Nobody serves the cluster: start it, holding the same data-directory lock a server would, so
  // that a server started meanwhile waits for us rather than sharing the cluster.
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    return await describe(server.url, 'embedded (started for this command)', () => server.stop());
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function describe(url: string, description: string, release: () => Promise<void>): Promise<BackupTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((error: Error) => {
    throw new BackupError(`Cannot connect to the ${description} database: ${error.message}`);
  });
  try {
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    const parsed = new URL(url);
    const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
    parsed.password = '';
    return {
      url: parsed.toString(),
      password,
      serverMajor: Math.floor(Number(rows[0]?.server_version_num) / 10_000),
      description,
      release,
    };
  } finally {
    await client.end();
  }
}

/** The port of the postmaster serving `clusterDir`, when one is alive (postmaster.pid's 4th line). */
async function runningPort(clusterDir: string): Promise<number | undefined> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

export interface ClientTool {
  readonly path: string;
  readonly major: number;
}

/**
 * Folders that may hold pg_dump and pg_restore, best first: PG_BIN_DIR, the embedded PostgreSQL's
 * own (when its package ships them), Debian's /usr/lib/postgresql/N/bin, then PATH.
 */
function candidateDirs(binDir: string | undefined): string[] {
  const dirs: string[] = [];
  if (binDir) dirs.push(binDir);
  try {
    dirs.push(join(packagedPostgresDir(), 'bin'));
  } catch {
    // No binaries package for this platform: nothing to look in.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) for (const version of readdirSync(debian)) dirs.push(join(debian, version, 'bin'));
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) dirs.push(dir);
  return [...new Set(dirs)];
}

async function versionOf(path: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(path, ['--version']);
    const major = /\(PostgreSQL\) (\d+)/.exec(stdout)?.[1];
    return major ? Number(major) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * pg_dump or pg_restore for a server of `serverMajor`: the same major, else a newer one (PostgreSQL's
 * tools read older servers and archives, never newer ones); a clear refusal when there is neither.
 */
export async function findClientTool(
  name: 'pg_dump' | 'pg_restore',
  serverMajor: number,
  binDir?: string | undefined,
): Promise<ClientTool> {
  const found: ClientTool[] = [];
  for (const dir of candidateDirs(binDir)) {
    const path = join(dir, name);
    // /bin and /usr/bin are often one folder: one tool, listed once.
    if (!existsSync(path) || found.some((tool) => realpathSync(tool.path) === realpathSync(path))) continue;
    const major = await versionOf(path);
    if (major !== undefined) found.push({ path, major });
  }
  const usable = found.filter((tool) => tool.major >= serverMajor).sort((a, b) => a.major - b.major);
  const best = usable[0];
  if (best) return best;
  const seen = found.length
    ? `found only ${found.map((tool) => `${tool.path} (${tool.major})`).join(', ')}`
    : 'found none';
  throw new BackupError(
    `The database runs PostgreSQL ${serverMajor}, so ${name} must be version ${serverMajor} or newer; ${seen}. ` +
      `Install the PostgreSQL ${serverMajor} client tools (e.g. postgresql-client-${serverMajor}) and, if they are not ` +
      'on PATH, point PG_BIN_DIR at their bin folder.',
  );
}

async function runTool(tool: ClientTool, args: string[], target: BackupTarget): Promise<void> {
  const child = spawn(tool.path, args, {
    env: { ...process.env, ...(target.password ? { PGPASSWORD: target.password } : {}) },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new BackupError(`${tool.path} failed (exit ${code}):\n${stderr.trim()}`);
}

/** Writes a custom-format archive (pg_restore reads it) of the whole application database. */
export async function backupDatabase(target: BackupTarget, file: string, binDir?: string): Promise<ClientTool> {
  const tool = await findClientTool('pg_dump', target.serverMajor, binDir);
  await runTool(
    tool,
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target.url}`],
    target,
  );
  return tool;
}

/**
 * Replaces the database's contents with the archive's, in one transaction: on any error nothing
 * changes. Stop the API servers first: their open transactions would hold locks the restore needs.
 */
export async function restoreDatabase(target: BackupTarget, file: string, binDir?: string): Promise<ClientTool> {
  if (!existsSync(file)) throw new BackupError(`There is no backup file ${file}.`);
  const tool = await findClientTool('pg_restore', target.serverMajor, binDir);
  await runTool(
    tool,
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.url}`,
      file,
    ],
    target,
  );
  return tool;
}
