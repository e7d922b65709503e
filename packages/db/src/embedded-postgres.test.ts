import { chmod, cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgresSetupError, startEmbeddedPostgres } from './embedded-postgres.ts';
import { packagedPostgresDir } from './embedded-runtime.ts';
import type { DbLogger } from './logger.ts';

// A clone in root's home, or any 0700 folder: the postgres user that runs PostgreSQL under root can
// reach neither the binaries in node_modules nor the cluster in DATA_DIR. The private folder here
// holds a copy of the binaries and DATA_DIR; the shared folder stands in for /var/lib/seminarhub.
const isRoot = process.getuid?.() === 0;

function recordingLogger() {
  const lines: string[] = [];
  const write = (level: string) => (obj: object, msg?: string) =>
    lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)}`);
  const logger: DbLogger = { info: write('info'), warn: write('warn'), error: write('error') };
  return { logger, lines };
}

async function answers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end();
  }
}

let root: string;
let privateDir: string;
let sharedDir: string;
let postgresDir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'seminarhub-reach-'));
  privateDir = join(root, 'private');
  await mkdir(privateDir, { mode: 0o700 });
  sharedDir = await mkdtemp(join(tmpdir(), 'seminarhub-shared-'));
  await chmod(sharedDir, 0o755);
  postgresDir = join(privateDir, 'postgresql');
  await cp(packagedPostgresDir(), postgresDir, { recursive: true, verbatimSymlinks: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(sharedDir, { recursive: true, force: true });
});

describe('the embedded PostgreSQL started from a folder only its owner can reach', () => {
  it(isRoot
    ? 'as root: runs copies of the binaries and a cluster where the postgres user reaches them, logged, and finds them again'
    : 'not as root: runs the binaries and the cluster where they are', async () => {
    // The private folder's parent is root-only too (mkdtemp makes it 0700): nothing below is reachable by others.
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    const dataDir = join(privateDir, 'data');
    const first = recordingLogger();
    const started = performance.now();
    const server = await startEmbeddedPostgres({ dataDir, sharedDir, postgresDir, logger: first.logger });
    const firstMs = Math.round(performance.now() - started);
    try {
      expect(await answers(server.url)).toBe(1);
    } finally {
      await server.stop();
    }
    console.log(`first start from a 0700 folder (${isRoot ? 'root' : 'not root'}): ${firstMs} ms`);
    if (isRoot) {
      expect(server.clusterDir.startsWith(join(sharedDir, 'clusters'))).toBe(true);
      expect(first.lines.join('\n')).toContain(
        `the embedded PostgreSQL runs from a copy of its binaries in ${sharedDir}`,
      );
      expect(first.lines.join('\n')).toContain(`the embedded PostgreSQL cluster lives in ${server.clusterDir}`);
    } else {
      expect(server.clusterDir).toBe(join(dataDir, 'postgres'));
      expect(first.lines.join('\n')).not.toContain('copy of its binaries');
    }

    // The next start finds the same cluster, and the copy made before.
    const second = recordingLogger();
    const again = await startEmbeddedPostgres({ dataDir, sharedDir, postgresDir, logger: second.logger });
    try {
      expect(again.clusterDir).toBe(server.clusterDir);
      expect(await answers(again.url)).toBe(1);
      expect(second.lines.join('\n')).toMatch(/firstStart":false/);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it(isRoot
    ? 'as root: a cluster already inside a folder the postgres user cannot reach is refused with one line naming the fix'
    : 'not as root: a cluster inside a private folder starts as it is', async () => {
    // A cluster made while its folder was open, then the folder closed (a clone moved to /root, a chmod).
    const openParent = join(sharedDir, 'was-open');
    await mkdir(openParent, { mode: 0o755 });
    const dataDir = join(openParent, 'data');
    const made = await startEmbeddedPostgres({ dataDir, sharedDir });
    await made.stop();
    expect(made.clusterDir).toBe(join(dataDir, 'postgres'));
    const closed = join(privateDir, 'moved');
    await cp(openParent, closed, { recursive: true });
    const movedDataDir = join(closed, 'data');

    if (isRoot) {
      const error = await startEmbeddedPostgres({ dataDir: movedDataDir, sharedDir }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(EmbeddedPostgresSetupError);
      const message = (error as Error).message;
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toContain(join(movedDataDir, 'postgres'));
      expect(message).toContain(`chmod o+x ${root}`);
      expect(message).toContain('DATA_DIR=');
    } else {
      const server = await startEmbeddedPostgres({ dataDir: movedDataDir, sharedDir });
      try {
        expect(await answers(server.url)).toBe(1);
      } finally {
        await server.stop();
      }
    }
  }, 120_000);
});
