import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// The SDK's tests start the real API (from @seminarhub/api's testkit) on a test database, so they need
// what the API's own tests need: one copy of graphql, and Reflect metadata for type-graphql.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
