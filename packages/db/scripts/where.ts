// Where the scripts find the database, as the server does: DATABASE_URL, or the embedded
// PostgreSQL in DATA_DIR (default .data/ at the repository root).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const databaseUrl = process.env.DATABASE_URL || undefined;
export const dataDir = resolve(process.env.DATA_DIR || join(repositoryRoot(), '.data'));

/** A path the operator typed: pnpm runs scripts in the package folder and records theirs in INIT_CWD. */
export function fromOperator(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
