import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Component and end-to-end tests both run against the real API (from @seminarhub/api's testkit) on a
// test database, so they need what the API's own tests need: one copy of graphql, Reflect metadata for
// type-graphql, and the database's global setup. Component tests choose happy-dom in their first line.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    globalSetup: ['../../packages/db/src/testing/global-setup.ts', './test/build-admin.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
