import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

// What npm installs: ESM and CommonJS, each with its declarations, for Node 20+ and browsers. Nothing is
// external because nothing is needed at run time: the documents are strings, so not even `graphql`.
export default defineConfig({
  entry: { index: 'src/index.ts', core: 'src/core/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  treeshake: true,
  // The package ships the schema it was built against, for callers' own codegen (`graphql()`).
  onSuccess: () => copyFile('../../apps/api/schema.graphql', 'schema.graphql'),
});
