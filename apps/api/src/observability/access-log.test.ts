import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { openTestDatabase, type TestDatabase } from '@seminarhub/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from '../server.ts';

let db: TestDatabase;
let server: Server;
let http: ReturnType<Server['app']['listen']>;
let url: string;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  server = await createServer({ db, logger });
  http = server.app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  http?.closeAllConnections();
  await new Promise((done) => http?.close(done));
  await server?.stop();
  await db?.close();
});

/** The access line of one request, found by the id the client got back. */
async function accessLineOf(requestId: string): Promise<Record<string, unknown>> {
  for (let waited = 0; waited < 2_000; waited += 20) {
    const line = lines.find((entry) => entry.msg === 'request' && entry.requestId === requestId);
    if (line) return line;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`no access line for ${requestId}; lines: ${JSON.stringify(lines)}`);
}

describe('the access log', () => {
  it('writes one line per request with its request id, method, path, status, duration and operation', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'session=secret-cookie-value' },
      body: JSON.stringify({ query: 'query Seminars_AccessLog { seminars(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id') ?? '';
    expect(requestId).not.toBe('');
    const line = await accessLineOf(requestId);
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operation: 'Seminars_AccessLog' });
    expect(line.level).toBe(30);
    expect(typeof line.durationMs).toBe('number');
    expect(lines.filter((entry) => entry.msg === 'request' && entry.requestId === requestId)).toHaveLength(1);
    expect(JSON.stringify(line)).not.toMatch(/secret-cookie-value|cookie|totalCount/);
  });

  it('never writes a credential, even of a refused request', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer shs_not-a-real-session-token' },
      body: JSON.stringify({ query: '{ seminars(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    const line = await accessLineOf(response.headers.get('x-request-id') ?? '');
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 401 });
    expect(JSON.stringify(lines)).not.toMatch(/shs_not-a-real-session-token|authorization/i);
  });

  it('keeps the request id a client sent, and leaves the query string out', async () => {
    const query = encodeURIComponent('{ seminars(first: 1) { totalCount } }');
    const response = await fetch(`${url}/graphql?query=${query}`, {
      headers: { 'x-request-id': 'client-chosen-id-42', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    const line = await accessLineOf('client-chosen-id-42');
    expect(line).toMatchObject({ method: 'GET', path: '/graphql', status: 200 });
    expect(JSON.stringify(line)).not.toContain('seminars');
  });

  it('logs health probes at debug only, so that info shows traffic', async () => {
    const response = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'probe-1' } });
    expect(response.status).toBe(200);
    const notFound = await fetch(`${url}/nothing-here`, { headers: { 'x-request-id': 'missing-1' } });
    expect((await accessLineOf('missing-1')).status).toBe(notFound.status);
    expect(lines.some((entry) => entry.requestId === 'probe-1')).toBe(false);
  });
});
