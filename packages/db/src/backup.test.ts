import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackupTarget } from './backup.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { openDatabase } from './open-database.ts';
import { createEmptyDatabase, openTestDatabase, type TestDatabase } from './testing/index.ts';

// The commands as an operator runs them: `pnpm backup` and `pnpm restore` are these two scripts.
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'seminarhub-backup-'));
  // As root, the embedded PostgreSQL runs as the postgres user, who must reach its cluster in here.
  await chmod(folder, 0o755);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function command(script: 'backup' | 'restore', file: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, file], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, DATABASE_URL: '', INIT_CWD: folder, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, output };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Every table's rows, as a digest per table: two databases with equal digests hold the same data. */
function contents(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    await client.query("SET TimeZone = 'UTC'");
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const table = pg.escapeIdentifier(name);
      const { rows } = await client.query<{ n: string; digest: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM ${table} t`,
      );
      digests[name] = `${rows[0]?.n}:${rows[0]?.digest ?? ''}`;
    }
    return digests;
  });
}

const names = (url: string) =>
  withClient(url, (client) =>
    client
      .query<{ name: string }>(`SELECT name FROM "Organization" WHERE name LIKE 'Backup %' ORDER BY name`)
      .then((result) => result.rows.map((row) => row.name)),
  );

// Text COPY must carry: tabs, newlines, backslashes, non-Latin scripts, and NULL apart from ''.
const AWKWARD = ['Backup Ministry', 'Backup Агентство\tof\nlines', 'Backup back\\slash \\N', 'Backup 정보통신부'];

async function addAwkwardRows(url: string) {
  await withClient(url, async (client) => {
    for (const [index, name] of AWKWARD.entries()) {
      await client.query(
        `INSERT INTO "Organization" (id, name, type, "countryCode", website, description, "updatedAt")
         VALUES (gen_random_uuid(), $1, 'MINISTRY', 'UZ', $2, $3, now())`,
        [name, index % 2 ? null : '', index % 2 ? '' : null],
      );
    }
  });
}

async function damage(url: string) {
  await withClient(url, async (client) => {
    await client.query(`DELETE FROM "Organization" WHERE name = 'Backup Ministry'`);
    await client.query(`UPDATE "Organization" SET name = 'Backup renamed' WHERE name LIKE 'Backup Агентство%'`);
    await client.query(
      `INSERT INTO "Organization" (id, name, type, "countryCode", "updatedAt")
       VALUES (gen_random_uuid(), 'Backup added later', 'AGENCY', 'KR', now())`,
    );
  });
}

describe('pnpm backup and pnpm restore on the test database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
    await addAwkwardRows(db.url);
  });
  afterAll(() => db?.close());

  it('write an archive, and restore every table as it was, whatever changed since', async () => {
    const before = await contents(db.url);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    const backup = await command('backup', 'test.backup.gz', { DATABASE_URL: db.url });
    expect(backup.output).toMatch(
      /Backed up the external database \(PostgreSQL [\d.]+.*\) to .*test\.backup\.gz: \d+ tables, \d+ rows/,
    );
    expect(backup.code).toBe(0);
    expect(backup.output).not.toContain(new URL(db.url).password || '\u0000');

    await damage(db.url);
    expect(await contents(db.url)).not.toEqual(before);
    const restore = await command('restore', 'test.backup.gz', { DATABASE_URL: db.url });
    expect(restore.output).toContain('Restored');
    expect(restore.code).toBe(0);
    expect(await contents(db.url)).toEqual(before);
    expect(await names(db.url)).toEqual([...AWKWARD].sort());
    // The restored database is one the server opens as it is: no migration pending, none missing.
    const reopened = await openDatabase({ databaseUrl: db.url, dataDir: '' });
    expect(reopened.appliedMigrations).toEqual([]);
    await reopened.close();
  });

  it('never overwrites an earlier backup', async () => {
    await writeFile(join(folder, 'kept.backup.gz'), 'an earlier backup');
    const refused = await command('backup', 'kept.backup.gz', { DATABASE_URL: db.url });
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toBe(`${join(folder, 'kept.backup.gz')} already exists: choose another file name.`);
    expect(await readFile(join(folder, 'kept.backup.gz'), 'utf8')).toBe('an earlier backup');
  });

  it('refuses missing, foreign, cut and mismatched archives with one line, and changes nothing', async () => {
    await command('backup', 'whole.backup.gz', { DATABASE_URL: db.url });
    const whole = gunzipSync(await readFile(join(folder, 'whole.backup.gz'))).toString('utf8');
    await damage(db.url);
    const damaged = await contents(db.url);

    await writeFile(join(folder, 'foreign.dump'), 'PGDMP\u0001\u000e');
    // Cut inside a table: the rows that got through must not stay.
    const cut = whole.slice(0, whole.indexOf('\n', whole.indexOf('TABLE Organization') + 200));
    await writeFile(join(folder, 'cut.backup.gz'), gzipSync(cut));
    const [magic, manifest, ...rest] = whole.split('\n');
    const parsed = JSON.parse(manifest ?? '{}');
    parsed.migrations.push({ name: '29991231000000_from_the_future', checksum: '0'.repeat(64) });
    await writeFile(join(folder, 'newer.backup.gz'), gzipSync([magic, JSON.stringify(parsed), ...rest].join('\n')));

    const cases: [string, RegExp][] = [
      ['no-such.backup.gz', /^There is no backup file .*no-such\.backup\.gz\.$/],
      ['foreign.dump', /^.*foreign\.dump is not a SeminarHub backup \(pnpm backup writes them\)\.$/],
      ['cut.backup.gz', /^.*cut\.backup\.gz is cut short inside table Organization\.$/],
      [
        'newer.backup.gz',
        /^The backup was taken with migration 29991231000000_from_the_future, which this checkout lacks: restore it with the SeminarHub version that wrote it\.$/,
      ],
    ];
    for (const [file, message] of cases) {
      const refused = await command('restore', file, { DATABASE_URL: db.url });
      expect(refused.output.trim(), file).toMatch(message);
      expect(refused.code, file).toBe(1);
      expect(await contents(db.url), file).toEqual(damaged);
    }
  });
});

describe('the embedded database', () => {
  it('is reached on the port its running server uses, or started for the command and stopped after', async () => {
    const dataDir = join(folder, 'embedded');
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      // The server holds the data directory's lock: the command must find its port, not start another.
      const running = await openBackupTarget({ dataDir });
      expect(running.description).toBe(`embedded (running on port ${server.port})`);
      expect(running.url).toContain(`@127.0.0.1:${server.port}/seminarhub`);
      expect(running.url).not.toContain(new URL(running.connectionString).password || '\u0000');
      await running.release();
    } finally {
      await server.stop();
    }
    const started = await openBackupTarget({ dataDir });
    expect(started.description).toBe('embedded (started for this command)');
    await started.release();
    // Released: a server may start on the directory again at once.
    const again = await startEmbeddedPostgres({ dataDir });
    await again.stop();
  });

  it('round-trips under a running server, and its archive loads into an empty database elsewhere', async () => {
    const dataDir = join(folder, 'embedded-served');
    // Migrated and running, as under a server: the commands find it by its port.
    const opened = await openDatabase({ dataDir });
    const empty = await createEmptyDatabase();
    try {
      const url = opened.embedded?.url ?? '';
      await addAwkwardRows(url);
      const before = await contents(url);
      const backup = await command('backup', 'embedded.backup.gz', { DATA_DIR: dataDir });
      expect(backup.output).toContain(`Backed up the embedded (running on port ${opened.embedded?.port}) database`);
      expect(backup.code).toBe(0);
      await damage(url);
      // The server's own pool holds no lock between requests, so restore goes through.
      const restore = await command('restore', 'embedded.backup.gz', { DATA_DIR: dataDir });
      expect(restore.output).toContain('Restored');
      expect(restore.code).toBe(0);
      expect(await contents(url)).toEqual(before);

      // Moving to the scaled path: the test server is another PostgreSQL (another major on the external run).
      const moved = await command('restore', 'embedded.backup.gz', { DATABASE_URL: empty.url });
      expect(moved.output).toContain('Restored');
      expect(moved.code).toBe(0);
      expect(await contents(empty.url)).toEqual(before);
    } finally {
      await opened.close();
      await empty.drop();
    }
    expect(existsSync(join(folder, 'embedded.backup.gz'))).toBe(true);
  });
});
