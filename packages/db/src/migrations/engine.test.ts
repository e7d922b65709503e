import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, testServerAdminUrl, withAdminClient } from '../testing/index.ts';
import { applyPendingMigrations, createMigration, diffMigrationsToSchema } from './engine.ts';

const PRISMA_DIR = fileURLToPath(new URL('../../prisma/', import.meta.url));
const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
// Engine load plus one or two in-memory PGlite boots take a few seconds.
const SLOW = 60_000;

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The script minus blank lines and `--` comments: what would actually run. */
function statements(sql: string): string {
  return sql
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('--'))
    .join('\n');
}

describe('applyPendingMigrations', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dbUrl: URL;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    dbUrl = new URL(database.url);
  });

  afterAll(() => database?.drop());

  it(
    'applies every migration to a fresh database, records it finished, and then has nothing pending',
    async () => {
      const expected = await migrationNames(MIGRATIONS_DIR);
      expect(expected.length).toBeGreaterThan(0);

      expect(await applyPendingMigrations(dbUrl.toString())).toEqual(expected);

      const client = new pg.Client({ connectionString: dbUrl.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{
          migration_name: string;
          finished_at: Date | null;
          rolled_back_at: Date | null;
        }>('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name');
        expect(rows.map((r) => r.migration_name)).toEqual(expected);
        for (const row of rows) {
          expect(row.finished_at).toBeInstanceOf(Date);
          expect(row.rolled_back_at).toBeNull();
        }
      } finally {
        await client.end();
      }

      expect(await applyPendingMigrations(dbUrl.toString())).toEqual([]);

      // Every connection the engine opened has been closed (the server may take a moment to notice).
      await expect
        .poll(
          () =>
            withAdminClient(testServerAdminUrl(), async (admin) => {
              const { rowCount } = await admin.query(
                'SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
                [dbUrl.pathname.slice(1)],
              );
              return rowCount;
            }),
          { timeout: 2_000 },
        )
        .toBe(0);
    },
    SLOW,
  );
});

describe('diffMigrationsToSchema', () => {
  it(
    'finds no drift between the migration history and prisma/schema.prisma',
    async () => {
      const script = await diffMigrationsToSchema();
      // Run `pnpm --filter @seminarhub/db migrate:new <name>` when this fails.
      expect(statements(script), `schema.prisma has changes without a migration:\n${script}`).toBe('');
    },
    SLOW,
  );
});

describe('createMigration', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'seminarhub-migrations-'));
    await cp(MIGRATIONS_DIR, path.join(work, 'migrations'), { recursive: true });
    const schema = await readFile(path.join(PRISMA_DIR, 'schema.prisma'), 'utf8');
    await writeFile(
      path.join(work, 'schema.prisma'),
      `${schema}\nmodel MigrationProbe {\n  id   Int    @id\n  note String\n}\n`,
    );
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it(
    'writes the next migration folder for a schema that adds a model, and nothing once it exists',
    async () => {
      const options = { migrationsDir: path.join(work, 'migrations'), schemaPath: path.join(work, 'schema.prisma') };
      const before = await migrationNames(options.migrationsDir);

      const folder = await createMigration('add_migration_probe', options);

      expect(folder).not.toBeNull();
      expect(path.basename(folder as string)).toMatch(/^\d{14}_add_migration_probe$/);
      expect(await migrationNames(options.migrationsDir)).toEqual([...before, path.basename(folder as string)].sort());
      const sql = await readFile(path.join(folder as string, 'migration.sql'), 'utf8');
      expect(sql).toContain('CREATE TABLE "MigrationProbe"');

      // The new folder is now part of the history, so the same schema yields no migration.
      expect(await createMigration('again', options)).toBeNull();
    },
    SLOW,
  );
});
