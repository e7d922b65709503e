import { defineConfig } from 'tsup';

// `pnpm start` runs this build. Dependencies, @seminarhub/db included, stay external and load
// from node_modules; the decorators compile with the tsconfig's experimentalDecorators.
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: 'esm',
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
});
