// `pnpm backup [file]`: an archive (backup-archive.ts) of the database the server would use:
// DATABASE_URL, or the embedded PostgreSQL in DATA_DIR, running or not. No PostgreSQL client tools
// are needed. See docs/OPERATIONS.md#backups.
import { BackupError, backupDatabase, openBackupTarget } from '../src/backup.ts';
import { DataDirInUseError } from '../src/embedded-postgres.ts';
import { databaseUrl, dataDir, fromOperator } from './where.ts';

const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
const file = fromOperator(process.argv[2] ?? `seminarhub-${stamp}.backup.gz`);

try {
  const target = await openBackupTarget({ databaseUrl, dataDir });
  try {
    const manifest = await backupDatabase(target, file);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Backed up the ${target.description} database (PostgreSQL ${manifest.postgres}) to ${file}: ` +
        `${manifest.tables.length} tables, ${rows} rows, ${manifest.migrations.length} migrations.`,
    );
  } finally {
    await target.release();
  }
} catch (error) {
  const known = error instanceof BackupError || error instanceof DataDirInUseError;
  console.error(known ? (error as Error).message : `backup failed: ${(error as Error).message}`);
  process.exit(1);
}
