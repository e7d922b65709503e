import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded-postgres.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyPendingMigrations } from '../migrations/engine.ts';
import { seedExampleSeminar } from '../seed/example-seminar.ts';

/** What the global setup hands to every test file. */
export interface TestPostgres {
  /** A maintenance connection string on the test server, for CREATE and DROP DATABASE. */
  adminUrl: string;
  /** The migrated and seeded database that each test file clones. */
  template: string;
  /** Prefix of every database this run creates, so that teardown can find strays. */
  prefix: string;
  /** `embedded` or the host of the external server, for the test report. */
  server: string;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.href;
}

export async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Starts the server tests run against: the PostgreSQL at TEST_DATABASE_URL or DATABASE_URL when set,
 * an embedded one under the system temp folder otherwise (reachable by the `postgres` user that
 * embedded-postgres runs as under root). Builds the template once: migrations and the example seed.
 */
export async function startTestPostgres(): Promise<{ info: TestPostgres; stop: () => Promise<void> }> {
  const externalUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let stopServer = async () => {};
  let adminUrl: string;
  if (externalUrl) {
    adminUrl = externalUrl;
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'seminarhub-test-'));
    const server = await startEmbeddedPostgres({ dataDir });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const prefix = `sh_test_${randomBytes(4).toString('hex')}_`;
  const template = `${prefix}template`;
  try {
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`));
    const templateUrl = databaseUrl(adminUrl, template);
    await applyPendingMigrations(templateUrl);
    const pool = new pg.Pool({ connectionString: templateUrl, max: 2 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    await seedExampleSeminar(prisma);
    await prisma.$disconnect();
    await pool.end();
  } catch (error) {
    await stopServer();
    throw error;
  }

  return {
    info: { adminUrl, template, prefix, server: externalUrl ? new URL(externalUrl).host : 'embedded' },
    async stop() {
      await withAdminClient(adminUrl, async (client) => {
        const { rows } = await client.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
          [prefix],
        );
        for (const { datname } of rows) {
          await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
        }
      }).catch(() => {});
      await stopServer();
    },
  };
}

/**
 * A fresh database of this run: a clone of the migrated and seeded template (fast, a file copy), or
 * an empty one with `template: null`. `drop()` removes it.
 */
export async function createRunDatabase(
  info: TestPostgres,
  { template = info.template }: { template?: string | null } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${info.prefix}${randomBytes(6).toString('hex')}`;
  await withAdminClient(info.adminUrl, async (client) => {
    if (template === null) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      return;
    }
    // Two clones of one template at once fail with "source database is being accessed by other
    // users": test files run in parallel, so they take turns.
    await client.query('SELECT pg_advisory_lock(72317001)');
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(72317001)');
    }
  });
  return {
    url: databaseUrl(info.adminUrl, name),
    drop: () =>
      withAdminClient(info.adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => {}),
  };
}
