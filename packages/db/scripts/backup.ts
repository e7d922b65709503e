// `pnpm backup [file]`: a pg_dump archive (custom format) of the database the server would use:
// DATABASE_URL, or the embedded PostgreSQL in DATA_DIR, running or not. PG_BIN_DIR names the folder
// of pg_dump when the right major is not found by itself. See docs/OPERATIONS.md#backups.
import { BackupError, backupDatabase, openBackupTarget } from '../src/backup.ts';
import { DataDirInUseError } from '../src/embedded-postgres.ts';
import { databaseUrl, dataDir, fromOperator } from './where.ts';

const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
const file = fromOperator(process.argv[2] ?? `seminarhub-${stamp}.dump`);

try {
  const target = await openBackupTarget({ databaseUrl, dataDir });
  try {
    const tool = await backupDatabase(target, file, process.env.PG_BIN_DIR || undefined);
    console.log(
      `Backed up the ${target.description} database (PostgreSQL ${target.serverMajor}) to ${file} with ${tool.path}.`,
    );
  } finally {
    await target.release();
  }
} catch (error) {
  const known = error instanceof BackupError || error instanceof DataDirInUseError;
  console.error(known ? (error as Error).message : `backup failed: ${(error as Error).message}`);
  process.exit(1);
}
