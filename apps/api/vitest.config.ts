import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (`main`) and ESM (`module`). Node loads the CJS one for type-graphql and
    // Apollo; Vite would hand our sources the ESM one, and two copies of graphql fail every
    // `instanceof GraphQLScalarType`. Pin both to the copy Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    // type-graphql's decorators need the Reflect metadata API before any decorated class loads.
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
