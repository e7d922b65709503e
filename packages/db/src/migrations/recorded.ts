import pg from 'pg';

/** How long the check waits for its connection before leaving the question to the engine. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * True when `_prisma_migrations` records every one of `names` as finished, and nothing as failed
 * or in progress: then `prisma migrate deploy` has nothing to do. Loading and instantiating the
 * WASM schema engine to learn that costs about 100 ms of every start; one query costs a few.
 *
 * Any doubt answers false and leaves the decision, the advisory lock and the error messages to the
 * engine: a missing table (a new database), a failed migration (the engine refuses with P3009), one
 * still being applied by another process (the engine waits for its lock), or no connection.
 */
export async function recordedAsApplied(connectionString: string, names: readonly string[]): Promise<boolean> {
  // Prisma keeps the table in the URL's `schema` (default public), not on the search path.
  const schema = new URL(connectionString).searchParams.get('schema') || 'public';
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished
         FROM ${pg.escapeIdentifier(schema)}._prisma_migrations
        WHERE rolled_back_at IS NULL`,
    );
    if (rows.some((row) => !row.finished)) return false;
    const finished = new Set(rows.map((row) => row.migration_name));
    return names.every((name) => finished.has(name));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
