import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transport } from './core/client.ts';
import { operations } from './generated/operations.ts';

// The README's table of namespaces is the reference third parties read: it must match what is generated.
describe('README', () => {
  it('lists every namespace and function of the client, and no other', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const documented = Object.fromEntries(
      [...readme.matchAll(/^\| `(\w+)` \| (`\w+`(?:, `\w+`)*) \|$/gm)].map(([, namespace, functions]) => [
        namespace,
        functions!.replaceAll('`', '').split(', '),
      ]),
    );
    const generated = Object.fromEntries(
      Object.entries(operations({} as Transport)).map(([namespace, functions]) => [namespace, Object.keys(functions)]),
    );
    expect(documented).toEqual(generated);
  });
});
