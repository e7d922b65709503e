import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../test/raw-http.ts';
import { startTestApi, type TestApi } from '../../test/testkit.ts';
import { CORS_ALLOWED_HEADERS, CORS_MAX_AGE_SECONDS } from './cors.ts';

const APP = 'https://app.example.org';
const OTHER = 'https://elsewhere.example.com';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi({ corsOrigins: [APP, 'http://localhost:5173'] });
  token = (await api.as('COORDINATOR')).token;
});
afterAll(async () => {
  await api?.close();
});

const corsHeaders = (headers: IncomingHttpHeaders) =>
  Object.keys(headers).filter((name) => name.startsWith('access-control-'));

function preflight(origin: string | undefined, headers: Record<string, string> = {}) {
  return rawRequest(`${api.url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      ...(origin ? { origin } : {}),
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, idempotency-key',
      ...headers,
    },
  });
}

function post(origin: string, headers: Record<string, string> = {}, query = '{ viewer { kind } }') {
  return rawRequest(`${api.url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('a page on an allowed origin', () => {
  it('gets its preflight answered 204 with the methods and every header the SDK sends, for two hours', async () => {
    const response = await preflight(APP);
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    expect(response.headers['access-control-allow-methods']).toBe('GET,POST');
    expect(response.headers['access-control-allow-headers']?.split(',')).toEqual(CORS_ALLOWED_HEADERS);
    for (const header of [
      'authorization',
      'content-type',
      'apollo-require-preflight',
      'idempotency-key',
      'x-request-id',
    ]) {
      expect(CORS_ALLOWED_HEADERS).toContain(header);
    }
    expect(response.headers['access-control-max-age']).toBe(String(CORS_MAX_AGE_SECONDS));
    expect(response.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('reads the answer to a signed-in request, and the headers the SDK reads from it', async () => {
    const response = await post(APP, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString()).data.viewer.kind).toBe('USER');
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    expect(response.headers['access-control-expose-headers']?.split(',')).toEqual(
      expect.arrayContaining(['x-request-id', 'retry-after']),
    );
    expect(response.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('never gets a wildcard, nor permission to send cookies', async () => {
    for (const response of [await preflight(APP), await post(APP), await preflight('http://localhost:5173')]) {
      expect(response.headers['access-control-allow-origin']).not.toBe('*');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('still cannot send a simple POST or GET that skips the preflight: Apollo refuses it as CSRF', async () => {
    const simplePost = await rawRequest(`${api.url}/graphql`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout { userErrors { code } } }' }),
    });
    expect(simplePost.status).toBe(400);
    expect(simplePost.body.toString()).toMatch(/Cross-Site Request Forgery/);
    const simpleGet = await rawRequest(`${api.url}/graphql?query=${encodeURIComponent('{ viewer { kind } }')}`, {
      headers: { origin: APP },
    });
    expect(simpleGet.status).toBe(400);
    expect(simpleGet.body.toString()).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('a page on any other origin', () => {
  it('gets no CORS header on its preflight or its request, so its browser withholds the answer', async () => {
    for (const origin of [OTHER, 'null', `${APP}.evil.example`, 'http://app.example.org']) {
      const answer = await preflight(origin);
      expect(answer.status).toBe(204);
      expect(corsHeaders(answer.headers)).toEqual([]);
      expect(answer.headers.vary).toMatch(/\bOrigin\b/);
      const request = await post(origin);
      expect(corsHeaders(request.headers)).toEqual([]);
    }
  });
});

describe('preflights', () => {
  it('need no credential and spend no rate-limit point, even with a bad one', async () => {
    const before = await post(OTHER);
    const remaining = Number(before.headers['ratelimit-remaining']);
    for (let i = 0; i < 5; i++) {
      const answer = await preflight(APP, { authorization: 'Bearer shs_not-a-token' });
      expect(answer.status).toBe(204);
      expect(answer.headers['ratelimit-remaining']).toBeUndefined();
    }
    const after = await post(OTHER);
    expect(Number(after.headers['ratelimit-remaining'])).toBe(remaining - 1);
  });

  it('without an Origin, OPTIONS says what /graphql accepts', async () => {
    const answer = await preflight(undefined);
    expect(answer.status).toBe(204);
    expect(answer.headers.allow).toBe('GET, POST, OPTIONS');
    expect(corsHeaders(answer.headers)).toEqual([]);
  });
});
