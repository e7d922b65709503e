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

export interface TestDatabaseOptions
  extends Pick<DatabaseConfig, 'statementTimeoutMs' | 'connectionTimeoutMs' | 'poolMax' | 'logger'> {
  /**
   * Where the server's pool connects instead of the clone's own URL (which it is given), e.g. a
   * proxy that misbehaves on cue. `url` stays the clone's own.
   */
  connectThrough?: (url: string) => string | Promise<string>;
}

/**
 * A database of this test file's own, cloned from the migrated and seeded template: tests may write
 * freely. `close()` drops it.
 */
export async function openTestDatabase({
  connectThrough,
  ...options
}: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const clone = await createRunDatabase(inject('testPostgres'));
  const databaseUrl = connectThrough ? await connectThrough(clone.url) : clone.url;
  const db = await openDatabase({ databaseUrl, dataDir: '', migrate: false, poolMax: 5, ...options });
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
