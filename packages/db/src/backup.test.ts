import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, findClientTool, openBackupTarget } from './backup.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { openDatabase } from './open-database.ts';
import { openTestDatabase, type TestDatabase } from './testing/index.ts';

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

/** Whether this machine has a pg_dump for that server; when not, the commands must say so. */
async function toolsFor(major: number): Promise<boolean> {
  try {
    await findClientTool('pg_dump', major);
    return true;
  } catch (error) {
    if (error instanceof BackupError) return false;
    throw error;
  }
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

/** Writes, backs up, damages, restores, and returns what the database holds at each step. */
async function roundTrip(url: string, env: Record<string, string>, file: string) {
  const orgs = (client: pg.Client) =>
    client
      .query<{ name: string }>(`SELECT name FROM "Organization" WHERE name LIKE 'Backup %' ORDER BY name`)
      .then((result) => result.rows.map((row) => row.name));
  await withClient(url, (client) =>
    client.query(
      `INSERT INTO "Organization" (id, name, type, "countryCode", "updatedAt")
       VALUES (gen_random_uuid(), 'Backup Ministry', 'MINISTRY', 'UZ', now()),
              (gen_random_uuid(), 'Backup Агентство', 'AGENCY', 'UZ', now())`,
    ),
  );
  const before = await withClient(url, orgs);
  const backup = await command('backup', file, env);
  expect(backup.output).toContain('Backed up');
  expect(backup.code).toBe(0);
  await withClient(url, async (client) => {
    await client.query(`DELETE FROM "Organization" WHERE name = 'Backup Ministry'`);
    await client.query(`UPDATE "Organization" SET name = 'Backup renamed' WHERE name = 'Backup Агентство'`);
  });
  const damaged = await withClient(url, orgs);
  const restore = await command('restore', file, env);
  expect(restore.output).toContain('Restored');
  expect(restore.code).toBe(0);
  return { before, damaged, after: await withClient(url, orgs) };
}

describe('pnpm backup and pnpm restore', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db?.close());

  it('round-trip a database given by DATABASE_URL, or refuse clearly without a pg_dump of its major', async () => {
    const target = await openBackupTarget({ databaseUrl: db.url, dataDir: '' });
    expect(target.url).not.toContain(new URL(db.url).password || '\u0000');
    const file = 'external.dump';
    if (await toolsFor(target.serverMajor)) {
      const { before, damaged, after } = await roundTrip(db.url, { DATABASE_URL: db.url }, file);
      expect(before).toEqual(['Backup Ministry', 'Backup Агентство']);
      expect(damaged).toEqual(['Backup renamed']);
      expect(after).toEqual(before);
    } else {
      const refused = await command('backup', file, { DATABASE_URL: db.url });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`The database runs PostgreSQL ${target.serverMajor}, so pg_dump must be`);
      expect(refused.output).not.toMatch(/\n\s+at /);
      expect(existsSync(join(folder, file))).toBe(false);
    }
  });

  it('refuses a missing backup file before touching the database', async () => {
    const missing = await command('restore', 'no-such.dump', { DATABASE_URL: db.url });
    expect(missing.code).toBe(1);
    expect(missing.output.trim()).toBe(`There is no backup file ${join(folder, 'no-such.dump')}.`);
  });
});

describe('the embedded database', () => {
  it('is reached on the port its running server uses, or started for the command and stopped after', async () => {
    const dataDir = join(folder, 'embedded');
    const server = await startEmbeddedPostgres({ dataDir });
    let major: number;
    try {
      // The server holds the data directory's lock: the command must find its port, not start another.
      const running = await openBackupTarget({ dataDir });
      expect(running.description).toBe(`embedded (running on port ${server.port})`);
      expect(running.url).toContain(`@127.0.0.1:${server.port}/seminarhub`);
      expect(running.url).not.toContain(running.password ?? '\u0000');
      major = running.serverMajor;
      await running.release();
    } finally {
      await server.stop();
    }

    const started = await openBackupTarget({ dataDir });
    expect(started.description).toBe('embedded (started for this command)');
    expect(started.serverMajor).toBe(major);
    await started.release();
    // Released: a server may start on the directory again at once.
    const again = await startEmbeddedPostgres({ dataDir });
    await again.stop();

    const file = 'embedded.dump';
    if (await toolsFor(major)) {
      // Migrated and running, as under a server: the commands find it by its port.
      const opened = await openDatabase({ dataDir });
      try {
        const url = opened.embedded?.url ?? '';
        const { before, damaged, after } = await roundTrip(url, { DATA_DIR: dataDir }, file);
        expect(damaged).toEqual(['Backup renamed']);
        expect(after).toEqual(before);
      } finally {
        await opened.close();
      }
    } else {
      const refused = await command('backup', file, { DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`The database runs PostgreSQL ${major}, so pg_dump must be version ${major}`);
      expect(refused.output).toContain('PG_BIN_DIR');
      expect(existsSync(join(folder, file))).toBe(false);
    }
  });
});
