// `pnpm --filter @seminarhub/db migrate:new <name>`: writes the next migration folder from the
// difference between prisma/migrations and prisma/schema.prisma, offline (WASM engine + PGlite),
// in place of `prisma migrate dev --create-only`, whose native engine cannot be downloaded here.
import path from 'node:path';
import { createMigration } from '../src/migrations/engine.ts';

const USAGE = 'Usage: pnpm --filter @seminarhub/db migrate:new <name>   (lowercase letters, digits, underscores)';

// pnpm forwards a literal "--" when the caller writes `migrate:new -- <name>`.
const args = process.argv.slice(2).filter((arg) => arg !== '--');

if (args.length !== 1 || !/^[a-z0-9_]+$/.test(args[0] ?? '')) {
  console.error(args.length === 1 ? `Invalid migration name "${args[0]}".\n${USAGE}` : USAGE);
  process.exit(2);
}

try {
  const folder = await createMigration(args[0] as string);
  console.log(folder ? `Wrote ${path.relative(process.cwd(), folder) || folder}` : 'No schema changes');
} catch (error) {
  console.error(`migrate:new failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
