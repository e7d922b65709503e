import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, type EmbeddedServer, openDatabase, startEmbeddedPostgres } from '@seminarhub/db';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from '../server.ts';

// This file needs a database it may stop and start again, so it runs a PostgreSQL of its own
// whatever server the rest of the suite uses.
let dataDir: string;
let postgres: EmbeddedServer;
let db: Database;
let server: Server;
let http: ReturnType<Server['app']['listen']>;
let url: string;
/** What the server logged, to find a masked error's cause by its request id. */
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seminarhub-readyz-'));
  postgres = await startEmbeddedPostgres({ dataDir });
  db = await openDatabase({ databaseUrl: postgres.url, dataDir, connectionTimeoutMs: 2_000 });
  server = await createServer({
    db,
    logger: pino({ level: 'info' }, { write: (line: string) => logLines.push(line) }),
  });
  http = server.app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  http?.closeAllConnections();
  await new Promise((done) => http?.close(done));
  await server?.stop();
  await db?.close();
  await postgres?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const ORGANIZATIONS = JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' });
const post = () =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ORGANIZATIONS });

describe('/readyz', () => {
  it('fails while the database is down and recovers when it returns, without a restart', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect((await post()).status).toBe(200);

    await postgres.stop();
    const down = await fetch(`${url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'database unreachable' });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // A query meanwhile is answered 503 to retry, with a request id, and nothing about the connection.
    const failed = await post();
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    const text = await failed.text();
    const body = JSON.parse(text);
    expect(body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) });
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|prisma|at .+\.js/i);
    // The operator finds the cause in the log under the same request id: a warning, not an error.
    const logged = logLines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.requestId === body.errors[0].extensions.requestId && entry.level >= 40);
    expect(logged).toEqual([expect.objectContaining({ level: 40, msg: 'database unavailable: answered 503' })]);

    postgres = await startEmbeddedPostgres({ dataDir, port: postgres.port });
    await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 15_000 }).toBe(200);
    const recovered = await post();
    expect((await recovered.json()).data.organizations.totalCount).toBe(0);
  });
});
