import { defineConfig } from 'tsup';

// The server runs this build; development and tests read src/ directly (the `development` export
// condition). Dependencies stay external and resolve from this package's node_modules.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
});
