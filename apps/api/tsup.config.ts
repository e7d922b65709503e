import { defineConfig, type Options } from 'tsup';
import { precompressGraphiql } from './src/http/graphiql.ts';

/**
 * Packages that stay in node_modules, loaded by Node rather than bundled:
 * - express, graphql and pg, so that the tracing preload's instrumentations can patch them as
 *   they load (a bundled copy is never loaded by name, hence never patched); graphql also must
 *   stay one instance for all its users. The OpenTelemetry SDK and its loader hooks load only
 *   when tracing is on;
 * - @seminarhub/db, which finds its PostgreSQL binaries and migration engine from its own folder;
 * - @node-rs/argon2, a native addon;
 * - pino and ioredis, which look up files beside their own code (__dirname: workers, package.json);
 * - class-validator, which type-graphql imports only when validation is on (it is not installed).
 */
const EXTERNAL = [
  'express',
  'pg',
  // The API is the exception: prom-client requires it at start (for exemplars), 52 files, and
  // its copies find each other through a global.
  '@opentelemetry/(?!api(?:/|$))[^/]+',
  '@prisma/instrumentation',
  'import-in-the-middle',
  'require-in-the-middle',
  '@seminarhub/db',
  '@node-rs/argon2',
  'pino',
  'ioredis',
  'class-validator',
];

/**
 * graphql stays external too, and its deep imports (`graphql/language/parser`) with it: graphql 16
 * has no `exports` map, so they resolve under require but not under ESM, which wants the file name.
 */
const graphqlImports: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'graphql-imports',
  setup(build) {
    build.onResolve({ filter: /^graphql\/./ }, ({ path }) => ({
      path: path.endsWith('.js') ? path : `${path}.js`,
      external: true,
    }));
  },
};

// `pnpm start` runs this build. Everything else is bundled: a start used to spend about 150 ms of
// its 700 finding, reading and compiling some 1,600 files of node_modules one by one. The decorators
// compile with the tsconfig's experimentalDecorators.
export default defineConfig({
  // tracing.js is the `--import` preload: it must load, and patch express/graphql/pg, before main.js.
  entry: { main: 'src/main.ts', tracing: 'src/observability/tracing.ts' },
  format: 'esm',
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  // The maps serve stack traces (--enable-source-maps), which need the mappings, not the sources:
  // with node_modules bundled, their text tripled the maps that Node reads and parses at each start.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  // tsup lets noExternal win over external, so the exceptions are written into it; graphql's deep
  // imports pass it, to reach the plugin.
  noExternal: [new RegExp(`^(?!graphql$)(?!(?:${EXTERNAL.join('|')})(?:/|$))`)],
  // The rest are dependencies, which tsup leaves external once noExternal lets them.
  external: ['class-validator'],
  esbuildPlugins: [graphqlImports],
  // The bundled CommonJS packages call require() for Node's modules and for the external ones.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  // GraphiQL's files, with their brotli and gzip forms beside them, for the server to send as they are.
  onSuccess: async () => {
    for (const { file, raw, gzip, brotli } of await precompressGraphiql('dist/graphiql')) {
      console.log(`dist/graphiql: ${file} ${kB(raw)}, gzip ${kB(gzip)}, brotli ${kB(brotli)}`);
    }
  },
});

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
