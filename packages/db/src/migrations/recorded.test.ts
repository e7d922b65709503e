import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, withAdminClient as withClient } from '../testing/index.ts';
import { applyPendingMigrations, MIGRATIONS_DIR } from './engine.ts';
import { recordedAsApplied } from './recorded.ts';

// Engine load plus the migrations.
const SLOW = 60_000;

describe('recordedAsApplied', () => {
  let database: { url: string; drop: () => Promise<void> };
  let names: string[];

  beforeAll(async () => {
    database = await createEmptyDatabase();
    names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  });

  afterAll(() => database?.drop());

  it(
    'says no before the first migration, yes once all are applied, and no for a migration not yet recorded',
    async () => {
      expect(await recordedAsApplied(database.url, names)).toBe(false);
      expect(await applyPendingMigrations(database.url)).toHaveLength(names.length);
      expect(await recordedAsApplied(database.url, names)).toBe(true);
      expect(await recordedAsApplied(database.url, [...names, '29991231000000_later'])).toBe(false);
      // The table is looked for in the URL's schema, as Prisma does, not on the search path.
      expect(await recordedAsApplied(`${database.url}?schema=elsewhere`, names)).toBe(false);
    },
    SLOW,
  );

  it('says no while a migration is failed or unfinished, and yes again once it is rolled back', async () => {
    const failed = '29991231000000_failed';
    await withClient(database.url, (client) =>
      client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, 'x', $1, now(), 0)`,
        [failed],
      ),
    );
    expect(await recordedAsApplied(database.url, names)).toBe(false);
    await withClient(database.url, (client) =>
      client.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1', [failed]),
    );
    expect(await recordedAsApplied(database.url, names)).toBe(true);
  });

  it('says no, without throwing, when the server cannot be reached', async () => {
    const url = new URL(database.url);
    url.port = '1';
    expect(await recordedAsApplied(url.toString(), names)).toBe(false);
  });
});

describe('applyPendingMigrations after the check', () => {
  let database: { url: string; drop: () => Promise<void> };
  let migrationsDir: string;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    migrationsDir = await mkdtemp(path.join(tmpdir(), 'seminarhub-migrations-'));
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  });

  afterAll(async () => {
    await database?.drop();
    await rm(migrationsDir, { recursive: true, force: true });
  });

  it(
    'still applies a migration added since, and still refuses a database with a failed migration',
    async () => {
      await applyPendingMigrations(database.url, { migrationsDir });
      expect(await applyPendingMigrations(database.url, { migrationsDir })).toEqual([]);

      const added = '29991231000000_added';
      await mkdir(path.join(migrationsDir, added));
      await writeFile(path.join(migrationsDir, added, 'migration.sql'), 'CREATE TABLE "Added" (id integer);\n');
      expect(await applyPendingMigrations(database.url, { migrationsDir })).toEqual([added]);

      await withClient(database.url, (client) =>
        client.query('UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1', [added]),
      );
      await expect(applyPendingMigrations(database.url, { migrationsDir })).rejects.toThrow(/failed migrations/i);
    },
    SLOW,
  );
});
