import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveApi, startLiveApi } from '../test/live-api.ts';

const run = promisify(execFile);
const sdk = join(import.meta.dirname, '..');

// What a partner's developer does: install the packed tarball into a fresh npm project outside the
// workspace, type-check the examples against its .d.ts files, and run them against the live API.
let live: LiveApi;
let project: string;
let apiKey: string;

beforeAll(async () => {
  live = await startLiveApi();
  const admin = await live.api.as('ADMIN');
  const key = await admin.graphql(
    'mutation { apiKeyCreate(input: { name: "examples", scope: READ_WRITE }) { secret userErrors { code } } }',
  );
  apiKey = key.data.apiKeyCreate.secret;
  project = await mkdtemp(join(tmpdir(), 'seminarhub-sdk-consumer-'));
  await run('pnpm', ['run', 'build'], { cwd: sdk });
  await run('pnpm', ['pack', '--pack-destination', project], { cwd: sdk });
  const tarball = (await readdir(project)).find((name) => name.endsWith('.tgz'))!;
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'partner-app', private: true }));
  for (const file of ['list-seminars.mts', 'list-seminars.cjs', 'tsconfig.json']) {
    await cp(join(sdk, 'examples', file), join(project, file));
  }
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`, 'typescript@5.9.3', '@types/node@20'],
    { cwd: project },
  );
}, 300_000);
afterAll(async () => {
  await live?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

const env = () => ({ ...process.env, SEMINARHUB_URL: live.endpoint, SEMINARHUB_API_KEY: apiKey });

describe('the packed SDK in a fresh npm project', () => {
  it('installs with no runtime dependency and ships both builds, their types and the schema', async () => {
    const { stdout } = await run('npm', ['ls', '--all', '--parseable', '@seminarhub/sdk'], { cwd: project });
    expect(stdout).toContain('@seminarhub/sdk');
    const manifest = JSON.parse(await readFile(join(project, 'node_modules/@seminarhub/sdk/package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    const files = await readdir(join(project, 'node_modules/@seminarhub/sdk/dist'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'core.js']));
    const installed = await readdir(join(project, 'node_modules/@seminarhub/sdk'));
    expect(installed).toEqual(expect.arrayContaining(['schema.graphql', 'README.md', 'CHANGELOG.md', 'package.json']));
    expect(installed).not.toContain('src');
  });

  it('type-checks the ESM TypeScript and the CommonJS examples', async () => {
    const result = await run(join(project, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: project }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout, failed: true }),
    );
    expect(result.stdout).toBe('');
    expect(result).not.toHaveProperty('failed');
  });

  it('runs the ESM example against the live API', async () => {
    const { stdout } = await run('node', ['dist/list-seminars.mjs'], { cwd: project, env: env() });
    expect(stdout).toContain('KOICA-CIAT\tKOICA-CIAT-2025-UZ');
    expect(stdout).toContain('Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan');
    expect(stdout).toContain('KOICA-CIAT-2025-UZ');
    expect(stdout).toMatch(/refused: INVALID input\.name/);
    expect(stdout).toContain('unwrap threw UserErrorsError INVALID');
  });

  it('runs the CommonJS example with require()', async () => {
    const { stdout } = await run('node', ['list-seminars.cjs'], { cwd: project, env: env() });
    expect(stdout).toContain('KOICA-CIAT-2025-UZ');
    expect(stdout).toContain('offline: true');
  });
});
