import { inject } from 'vitest';
import { type Database, type DatabaseConfig, openDatabase } from '../open-database.ts';
import { createRunDatabase, type TestPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testPostgres: TestPostgres;
  }
}

export { createRunDatabase, databaseUrl, type TestPostgres, withAdminClient } from './postgres-server.ts';

export interface TestDatabase extends Database {
  /** Connection string of this test file's own database. */
  readonly url: string;
}

/**
 * A database of this test file's own, cloned from the migrated and seeded template: tests may write
 * freely. `close()` drops it.
 */
export async function openTestDatabase(
  options: Pick<DatabaseConfig, 'statementTimeoutMs' | 'connectionTimeoutMs' | 'poolMax'> = {},
): Promise<TestDatabase> {
  const clone = await createRunDatabase(inject('testPostgres'));
  const db = await openDatabase({ databaseUrl: clone.url, dataDir: '', migrate: false, poolMax: 5, ...options });
  return {
    ...db,
    url: clone.url,
    async close() {
      await db.close();
      await clone.drop();
    },
  };
}

/** The test server's maintenance connection, for tests that create databases of their own. */
export function testServerAdminUrl(): string {
  return inject('testPostgres').adminUrl;
}

/** An empty database on the test server (no tables), for tests of migrations and the seed. */
export function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createRunDatabase(inject('testPostgres'), { template: null });
}
