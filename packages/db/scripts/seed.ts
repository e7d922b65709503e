// `pnpm db:seed`: writes the example seminar into the database the server would use (DATABASE_URL,
// or the embedded PostgreSQL in DATA_DIR, default .data/ at the repository root). Idempotent: rows
// that exist are left as they are. Stop a server that runs on the same DATA_DIR first.
import { DataDirInUseError } from '../src/embedded-postgres.ts';
import { openDatabase } from '../src/open-database.ts';
import { seedExampleSeminar } from '../src/seed/example-seminar.ts';
import { databaseUrl, dataDir } from './where.ts';

try {
  const db = await openDatabase({ databaseUrl, dataDir });
  try {
    const { created } = await seedExampleSeminar(db.prisma);
    console.log(
      created
        ? `Seeded the example seminar into the ${db.mode} database.`
        : `The example seminar was already in the ${db.mode} database; added only what was missing.`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof DataDirInUseError ? error.message : `db:seed failed: ${(error as Error).message}`);
  process.exit(1);
}
