import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { type ArchiveManifest, BackupError, isArchive, restoreArchive, writeArchive } from './backup-archive.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export { type ArchiveManifest, BackupError } from './backup-archive.ts';

/** A database to back up or restore, and what to do once done with it. */
export interface BackupTarget {
  /** Connection string without the password, safe to show. */
  readonly url: string;
  /** The same with its password, to connect with; never shown. */
  readonly connectionString: string;
  /** PostgreSQL's major version, e.g. 18. */
  readonly serverMajor: number;
  /** `external`, `embedded (running on port N)` or `embedded (started for this command)`. */
  readonly description: string;
  /** Stops the embedded server if this command started it. */
  release(): Promise<void>;
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
    parsed.password = '';
    return {
      url: parsed.toString(),
      connectionString: url,
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

/** Writes an archive of the whole application database to `file` (backup-archive.ts). */
export function backupDatabase(target: BackupTarget, file: string): Promise<ArchiveManifest> {
  return writeArchive(target.connectionString, file);
}

/**
 * Replaces the database's contents with the archive's, in one transaction: on any error nothing
 * changes. Stop the API servers first: their open transactions would hold locks the restore needs.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<ArchiveManifest> {
  if (!existsSync(file)) throw new BackupError(`There is no backup file ${file}.`);
  if (!(await isArchive(file))) throw new BackupError(`${file} is not a SeminarHub backup (pnpm backup writes them).`);
  return restoreArchive(target.connectionString, file);
}
