import type { TestDatabase } from '@seminarhub/db/testing';

const statements = new WeakMap<TestDatabase, Promise<string>>();

async function countStatement(db: TestDatabase): Promise<string> {
  const { rows: tables } = await db.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return `SELECT ${tables
    .map(({ table_name: table }) => `(SELECT count(*)::int FROM ${quote(table)}) AS ${quote(table)}`)
    .join(', ')}`;
}

/** Row counts of every table of the public schema, in one statement: a refused request changes none. */
export async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  let statement = statements.get(db);
  if (!statement) {
    statement = countStatement(db);
    statements.set(db, statement);
  }
  const { rows } = await db.pool.query<Record<string, number>>(await statement);
  return rows[0] as Record<string, number>;
}
