import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';
import { createServer } from '../server.ts';

/**
 * The lane for exactly /graphql against the router it stands in for: two servers over one
 * database, one with the lane (as every test server and production run) and one sending every
 * request through the router, must answer every kind of request alike, headers included.
 */
let api: TestApi;
let routerUrl: string;
let routerApp: unknown;
let closeRouter: () => Promise<void>;
let adminToken: string;

beforeAll(async () => {
  api = await startTestApi({ corsOrigins: ['https://frontend.example'] });
  adminToken = (await api.as('ADMIN')).token;
  const server = await createServer({
    db: api.db,
    logger: pino({ level: 'silent' }),
    corsOrigins: ['https://frontend.example'],
    routerForEveryRequest: true,
    rateLimit: { points: 100_000, anonymousPoints: 100_000, windowSeconds: 60 },
  });
  routerApp = server.app;
  const http = server.app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  routerUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  closeRouter = async () => {
    http.closeAllConnections();
    await new Promise((done) => http.close(done));
    await server.stop();
  };
}, 60_000);

afterAll(async () => {
  await closeRouter?.();
  await api?.close();
});

/** Headers that differ between any two answers by design. */
const PER_ANSWER = new Set(['date', 'x-request-id', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit', 'etag']);

async function answer(base: string, path: string, init: RequestInit) {
  const response = await fetch(`${base}${path}`, { ...init, redirect: 'manual' });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!PER_ANSWER.has(name)) headers[name] = value;
  });
  const text = await response.text();
  return { status: response.status, headers, body: text.replace(/"requestId":"[^"]+"/g, '"requestId":"…"') };
}

const json = { 'content-type': 'application/json' };
const CASES: [string, string, RequestInit][] = [
  [
    'a read, anonymous',
    '/graphql',
    { method: 'POST', headers: json, body: '{"query":"{ seminars(first: 1) { nodes { title } } }"}' },
  ],
  [
    'the same read, known the second time',
    '/graphql',
    { method: 'POST', headers: json, body: '{"query":"{ seminars(first: 1) { nodes { title } } }"}' },
  ],
  [
    'a read by GET with the preflight header',
    '/graphql?query=%7B__typename%7D',
    { headers: { 'apollo-require-preflight': 'true' } },
  ],
  ['GraphiQL for a browser', '/graphql', { headers: { accept: 'text/html' } }],
  [
    'a preflight from an allowed origin',
    '/graphql',
    {
      method: 'OPTIONS',
      headers: {
        origin: 'https://frontend.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    },
  ],
  [
    'a read from an origin not allowed',
    '/graphql',
    { method: 'POST', headers: { ...json, origin: 'https://elsewhere.example' }, body: '{"query":"{ __typename }"}' },
  ],
  ['a body that is not JSON', '/graphql', { method: 'POST', headers: json, body: '{"query":' }],
  [
    'a bad credential',
    '/graphql',
    { method: 'POST', headers: { ...json, authorization: 'Bearer shs_nope' }, body: '{"query":"{ __typename }"}' },
  ],
  ['a method GraphQL does not take', '/graphql', { method: 'PUT', headers: json, body: '{}' }],
  ['a trailing slash, routed', '/graphql/', { method: 'POST', headers: json, body: '{"query":"{ __typename }"}' }],
  ['another path', '/nowhere', {}],
];

describe('the /graphql lane', () => {
  it('is what the test server runs, and not what the other one does', () => {
    const dispatchOf = (app: unknown) => (app as { handle: unknown }).handle;
    expect(dispatchOf(api.server.app)).not.toBe(dispatchOf(express.application));
    expect(dispatchOf(routerApp)).toBe(dispatchOf(express.application));
  });

  it.each(CASES)('answers %s as the router does', async (_name, path, init) => {
    const [lane, router] = [await answer(api.url, path, init), await answer(routerUrl, path, init)];
    expect(lane).toEqual(router);
  });

  it('answers an administrator read as the router does, compressed when asked', async () => {
    const init = {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${adminToken}`, 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ people(first: 100) { nodes { id fullName email } } }' }),
    };
    for (let i = 0; i < 2; i++)
      expect(await answer(api.url, '/graphql', init)).toEqual(await answer(routerUrl, '/graphql', init));
  });
});
