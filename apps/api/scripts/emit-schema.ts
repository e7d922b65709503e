// Writes the API contract, schema.graphql, from the resolvers. With --check it writes nothing and
// fails when the committed file is stale, which is how CI keeps the contract and the code in step.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaContract } from '../src/schema.ts';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const printed = await printSchemaContract();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {}
  if (committed !== printed) {
    console.error('apps/api/schema.graphql is stale: run `pnpm --filter @seminarhub/api schema` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date');
} else {
  writeFileSync(target, printed);
  console.log(`wrote ${target}`);
}
