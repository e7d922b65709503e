import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Vitest global setup: builds the admin once per run, before any test file starts. The API serves the
 * build, so the build is what is tested; building in each end-to-end file instead would empty `dist/`
 * under the pages of the files running alongside.
 */
export default async function buildAdmin() {
  // Vitest sets NODE_ENV=test, which Vite would honour with React's development build: test what ships.
  await promisify(execFile)('pnpm', ['run', 'build'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
