// `pnpm restore <file>`: replaces the contents of the database the server would use (DATABASE_URL,
// or the embedded PostgreSQL in DATA_DIR) with a `pnpm backup` archive, in one transaction. Stop the
// API servers first. See docs/OPERATIONS.md#backups.
import { BackupError, openBackupTarget, restoreDatabase } from '../src/backup.ts';
import { DataDirInUseError } from '../src/embedded-postgres.ts';
import { databaseUrl, dataDir, fromOperator } from './where.ts';

const argument = process.argv[2];
if (!argument) {
  console.error('Usage: pnpm restore <file>, a file written by pnpm backup.');
  process.exit(1);
}
const file = fromOperator(argument);

try {
  const target = await openBackupTarget({ databaseUrl, dataDir });
  try {
    const manifest = await restoreDatabase(target, file);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Restored ${file} (taken ${manifest.createdAt} from PostgreSQL ${manifest.postgres}) into the ` +
        `${target.description} database (PostgreSQL ${target.serverMajor}): ${manifest.tables.length} tables, ${rows} rows.`,
    );
  } finally {
    await target.release();
  }
} catch (error) {
  const known = error instanceof BackupError || error instanceof DataDirInUseError;
  console.error(known ? (error as Error).message : `restore failed: ${(error as Error).message}`);
  process.exit(1);
}
