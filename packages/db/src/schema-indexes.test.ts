import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './testing/index.ts';

// Reads the migrated database itself, so it holds whatever the Prisma schema and the migrations say.
let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await openTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await db?.close();
});

describe('the database schema', () => {
  it('has an index leading with the columns of every foreign key', async () => {
    const { rows } = await client.query<{ constraint: string; table: string; indexed: boolean }>(`
      SELECT c.conname AS constraint, c.conrelid::regclass::text AS table,
             EXISTS (
               SELECT 1 FROM pg_index i
               WHERE i.indrelid = c.conrelid
                 AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey
             ) AS indexed
      FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((row) => !row.indexed).map((row) => `${row.table}: ${row.constraint}`)).toEqual([]);
  });

  it('gives every editable table a version and its timestamps', async () => {
    const { rows } = await client.query<{ table: string; columns: string[] }>(`
      SELECT table_name AS table, array_agg(column_name::text) AS columns
      FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name`);
    const EDITABLE = [
      'Organization',
      'Person',
      'Place',
      'Program',
      'Seminar',
      'Session',
      'Enrollment',
      'Attendance',
      'Feedback',
      'Certificate',
      'Proposal',
      'ReviewCriterion',
      'Review',
      'Milestone',
      'ProgressReport',
      'User',
    ];
    const columnsOf = new Map(rows.map((row) => [row.table, row.columns]));
    for (const table of EDITABLE) {
      const columns = columnsOf.get(table) ?? [];
      expect({ table, columns: ['version', 'createdAt', 'updatedAt'].filter((c) => columns.includes(c)) }).toEqual({
        table,
        columns: ['version', 'createdAt', 'updatedAt'],
      });
    }
  });

  it('records the applied migrations as prisma migrate deploy would', async () => {
    const { rows } = await client.query(
      'SELECT migration_name, finished_at, applied_steps_count FROM _prisma_migrations',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.finished_at).not.toBeNull();
  });
});
