import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { MIGRATIONS_DIR } from './migrations/engine.ts';

/**
 * The archive `pnpm backup` writes: gzip of a text stream that holds the migrations the database
 * had, then every table's rows as PostgreSQL's COPY text, all read in one snapshot.
 *
 *     SEMINARHUB BACKUP 1
 *     {"createdAt": …, "postgres": "18.4", "migrations": [...], "tables": [{"name", "columns", "rows"}]}
 *     TABLE <name>
 *     <COPY text rows: one line each, since COPY escapes newlines in values>
 *     \.
 *     …
 *     END
 *
 * Why not pg_dump: the embedded PostgreSQL ships without it, no npm package carries a pg_dump of
 * its major, and pg_dump's output of a newer server often fails to load into an older one. The
 * schema is the migrations' (restore replays them from this checkout), so rows are all an archive
 * needs, and they load into any PostgreSQL the migrations run on: from the embedded database to an
 * external one, across majors.
 */
export const ARCHIVE_MAGIC = 'SEMINARHUB BACKUP 1';
const MIGRATIONS_TABLE = '_prisma_migrations';

/** The schema engine's own table, created as the engine creates it, since no migration does. */
const MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface ArchiveTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

export interface ArchiveManifest {
  readonly createdAt: string;
  /** `server_version` of the database it was taken from. */
  readonly postgres: string;
  /** The migrations the database had applied, oldest first, with their checksums. */
  readonly migrations: readonly { name: string; checksum: string }[];
  /** In an order that loads: every table after the tables it references. */
  readonly tables: readonly ArchiveTable[];
}

/** Refusals an operator can act on: one clear sentence, no stack trace. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** True when `file` starts like an archive of ours (gzip), rather than, say, a pg_dump file. */
export async function isArchive(file: string): Promise<boolean> {
  // Two bytes, not the whole archive, which may be large.
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Writes the archive of the database at `url` to `file`, which must not exist yet (an earlier
 * backup is never overwritten). Written beside it first and renamed when complete, so a failed
 * backup leaves no file that looks whole.
 */
export async function writeArchive(url: string, file: string): Promise<ArchiveManifest> {
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another file name.`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    // One snapshot for every table: rows written meanwhile are either all in or all out.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const manifest = await readManifest(client);
    const gzip = createGzip();
    const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    const written = pipeline(gzip, out);
    gzip.write(`${ARCHIVE_MAGIC}\n${JSON.stringify(manifest)}\n`);
    for (const table of manifest.tables) {
      gzip.write(`TABLE ${table.name}\n`);
      const rows = client.query(copyTo(`COPY ${quoted(table)} TO STDOUT`));
      rows.pipe(gzip, { end: false });
      await finished(rows);
      gzip.write('\\.\n');
    }
    gzip.end('END\n');
    await written;
    await client.query('COMMIT');
    await rename(partial, file);
    return manifest;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

async function readManifest(client: pg.Client): Promise<ArchiveManifest> {
  const version = await client.query<{ server_version: string }>('SHOW server_version');
  const hasMigrations = await client.query(`SELECT to_regclass('public."${MIGRATIONS_TABLE}"') IS NOT NULL AS ok`);
  if (!hasMigrations.rows[0]?.ok) {
    throw new BackupError(
      'This database holds no SeminarHub schema (no _prisma_migrations table): nothing to back up.',
    );
  }
  const migrations = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM "${MIGRATIONS_TABLE}"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at, migration_name`,
  );
  const tables: ArchiveTable[] = [];
  for (const name of await tablesInLoadOrder(client)) {
    // Generated columns are computed again on load; COPY refuses them as input.
    const columns = await client.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute
       WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
       ORDER BY attnum`,
      [pg.escapeIdentifier(name)],
    );
    const columnNames = columns.rows.map((column) => column.name);
    const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(name)}`);
    tables.push({ name, columns: columnNames, rows: Number(count.rows[0]?.n) });
  }
  return {
    createdAt: new Date().toISOString(),
    postgres: version.rows[0]?.server_version ?? 'unknown',
    migrations: migrations.rows,
    tables,
  };
}

/**
 * The public schema's tables, each after those its foreign keys reference (a table's references to
 * itself are checked at the end of its own COPY, so they do not count).
 */
async function tablesInLoadOrder(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; refs: string[] }>(
    `SELECT c.relname::text AS name,
            coalesce(array_agg(DISTINCT r.relname::text) FILTER (WHERE r.relname IS NOT NULL AND r.oid <> c.oid), '{}'::text[]) AS refs
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     LEFT JOIN pg_constraint f ON f.conrelid = c.oid AND f.contype = 'f'
     LEFT JOIN pg_class r ON r.oid = f.confrelid
     WHERE c.relkind IN ('r', 'p')
     GROUP BY c.oid, c.relname
     ORDER BY c.relname`,
  );
  const pending = new Map(rows.map((row) => [row.name, new Set(row.refs)]));
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, refs]) => [...refs].every((ref) => !pending.has(ref)));
    if (ready.length === 0) {
      throw new BackupError(`The tables ${[...pending.keys()].join(', ')} reference each other in a cycle.`);
    }
    for (const [name] of ready) {
      order.push(name);
      pending.delete(name);
    }
  }
  return order;
}

function quoted(table: ArchiveTable): string {
  return `${pg.escapeIdentifier(table.name)} (${table.columns.map((column) => pg.escapeIdentifier(column)).join(', ')})`;
}

/** Prisma's checksum of a migration: SHA-256 of its script, in hex. */
function checksumOf(script: string): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Replaces everything in the database at `url` with the archive's contents, in one transaction:
 * the schema is dropped, rebuilt from this checkout's copies of the archive's migrations, and
 * loaded; the row counts are checked against the archive's. On any error nothing changes.
 */
export async function restoreArchive(url: string, file: string): Promise<ArchiveManifest> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const item = await iterator.next().catch((error: Error) => {
      throw new BackupError(`${file} is not a readable SeminarHub backup (${error.message}).`);
    });
    return item.done ? undefined : item.value;
  };
  if ((await next()) !== ARCHIVE_MAGIC) throw new BackupError(`${file} is not a SeminarHub backup.`);
  const manifest = JSON.parse((await next()) ?? '{}') as ArchiveManifest;
  const scripts = await migrationScripts(manifest);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Running servers hold locks on the tables: say so rather than wait behind them for ever.
    await client.query(`SET LOCAL lock_timeout = '10s'`);
    await client.query('DROP SCHEMA IF EXISTS public CASCADE').catch((error: Error & { code?: string }) => {
      if (error.code === '55P03') {
        throw new BackupError('The database is in use: stop the SeminarHub servers, then restore again.');
      }
      throw error;
    });
    await client.query('CREATE SCHEMA public');
    await client.query(MIGRATIONS_TABLE_DDL);
    for (const script of scripts) await client.query(script);

    const loaded = new Map<string, number>();
    for (let line = await next(); line !== 'END'; line = await next()) {
      const name = line?.startsWith('TABLE ') ? line.slice('TABLE '.length) : undefined;
      const table = manifest.tables.find((candidate) => candidate.name === name);
      if (!table)
        throw new BackupError(`${file} is damaged: a table section was expected, not "${line ?? 'the end'}".`);
      loaded.set(table.name, await loadTable(client, table, next, file));
    }
    for (const table of manifest.tables) {
      if (loaded.get(table.name) !== table.rows) {
        throw new BackupError(
          `${file} is damaged: table ${table.name} should hold ${table.rows} rows, the archive gave ${loaded.get(table.name) ?? 0}.`,
        );
      }
    }
    await client.query('COMMIT');
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    lines.close();
    await client.end();
  }
}

/** Streams one table section into COPY; on a failure the COPY is aborted, so the connection can roll back. */
async function loadTable(
  client: pg.Client,
  table: ArchiveTable,
  next: () => Promise<string | undefined>,
  file: string,
): Promise<number> {
  const sink = client.query(copyFrom(`COPY ${quoted(table)} FROM STDIN`));
  const done = finished(sink);
  let rows = 0;
  try {
    for (let row = await next(); row !== '\\.'; row = await next()) {
      if (row === undefined) throw new BackupError(`${file} is cut short inside table ${table.name}.`);
      rows += 1;
      if (!sink.write(`${row}\n`)) await new Promise((drained) => sink.once('drain', drained));
    }
    sink.end();
    await done;
    return rows;
  } catch (error) {
    // destroy() sends CopyFail: PostgreSQL ends the COPY with an error and takes queries again.
    sink.destroy(error as Error);
    await done.catch(() => {});
    throw error;
  }
}

/**
 * The scripts of the archive's migrations, from this checkout, each checked against the checksum the
 * database recorded: a schema built from other scripts would not take the archive's rows.
 */
async function migrationScripts(manifest: ArchiveManifest): Promise<string[]> {
  const scripts: string[] = [];
  for (const migration of manifest.migrations) {
    const path = join(MIGRATIONS_DIR, migration.name, 'migration.sql');
    const script = existsSync(path) ? await readFile(path, 'utf8') : undefined;
    if (script === undefined || checksumOf(script) !== migration.checksum) {
      throw new BackupError(
        `The backup was taken with migration ${migration.name}, which this checkout ${script === undefined ? 'lacks' : 'holds in another version'}: restore it with the SeminarHub version that wrote it.`,
      );
    }
    scripts.push(script);
  }
  return scripts;
}
