import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, serverReady, startServerProcess } from '../test/server-process.ts';

const startServer = startServerProcess;
const ready = serverReady;

/** Posts one GraphQL query to a server started here and returns its `data`. */
async function query(port: number, document: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document }),
  });
  return (await response.json()).data;
}

let dataDir: string;
const running: ServerProcess[] = [];
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seminarhub-main-'));
});
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('starts on an empty data directory with the example seminar, refuses a second server there, and stops cleanly', async () => {
    const first = startServer({ DATA_DIR: dataDir });
    running.push(first);
    const port = await ready(first);
    // Anonymous: the published seminar, and only the proposal selected for support.
    expect(await query(port, '{ seminars(first: 5) { totalCount } proposals(first: 10) { totalCount } }')).toEqual({
      seminars: { totalCount: 1 },
      proposals: { totalCount: 1 },
    });
    expect(first.output()).toMatch(/created the first administrator with a generated password/);

    const second = startServer({ DATA_DIR: dataDir });
    running.push(second);
    expect((await second.exited).code).toBe(1);
    expect(second.output()).toMatch(/already using the data directory/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    // The lock is released: a warm start on the same data keeps the seminar and seeds nothing twice.
    const third = startServer({ DATA_DIR: dataDir });
    running.push(third);
    const thirdPort = await ready(third);
    expect(await query(thirdPort, '{ seminars(first: 5) { totalCount } proposals(first: 10) { totalCount } }')).toEqual(
      { seminars: { totalCount: 1 }, proposals: { totalCount: 1 } },
    );
    expect(third.output()).not.toMatch(/seeded the example seminar|created the first administrator/);
    third.child.kill('SIGINT');
    expect((await third.exited).code).toBe(0);
  }, 180_000);

  it('starts empty with SEED=false', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'seminarhub-noseed-'));
    try {
      const server = startServer({ DATA_DIR: emptyDir, SEED: 'false' });
      running.push(server);
      const port = await ready(server);
      expect(await query(port, '{ programs(first: 5) { totalCount } seminars(first: 5) { totalCount } }')).toEqual({
        programs: { totalCount: 0 },
        seminars: { totalCount: 0 },
      });
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses bad configuration, listing every problem at once', async () => {
    const server = startServer({ DATA_DIR: dataDir, PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    running.push(server);
    expect((await server.exited).code).toBe(1);
    expect(server.output()).toMatch(/Invalid configuration/);
    for (const variable of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(server.output()).toContain(variable);
  });
});
