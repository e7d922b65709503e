import { defineConfig } from 'tsup';
import { precompressGraphiql } from './src/http/graphiql.ts';

// `pnpm start` runs this build. Dependencies, @seminarhub/db included, stay external and load
// from node_modules; the decorators compile with the tsconfig's experimentalDecorators.
export default defineConfig({
  // tracing.js is the `--import` preload: it must load, and patch express/graphql/pg, before main.js.
  entry: { main: 'src/main.ts', tracing: 'src/observability/tracing.ts' },
  format: 'esm',
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  // GraphiQL's files, with their brotli and gzip forms beside them, for the server to send as they are.
  onSuccess: async () => {
    for (const { file, raw, gzip, brotli } of await precompressGraphiql('dist/graphiql')) {
      console.log(`dist/graphiql: ${file} ${kB(raw)}, gzip ${kB(gzip)}, brotli ${kB(brotli)}`);
    }
  },
});

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
