import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decoded, type RawResponse, rawRequest } from '../../test/raw-http.ts';
import { startTestApi, type TestApi } from '../../test/testkit.ts';
import { GRAPHIQL_BUILD, graphiqlRouter, precompressGraphiql } from './graphiql.ts';
import { IMMUTABLE } from './static-assets.ts';

const require = createRequire(import.meta.url);
const GRAPHIQL_SCRIPT = join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js');

// The schema's own documentation: an answer of a few hundred kilobytes.
const SCHEMA_DOCS = '{ __schema { types { name description fields { name description args { name description } } } } }';

let api: TestApi;
let folder: string;
const servers: Server[] = [];
beforeAll(async () => {
  api = await startTestApi();
  folder = await mkdtemp(join(tmpdir(), 'graphiql-'));
});
afterAll(async () => {
  for (const server of servers) server.close();
  await api?.close();
  await rm(folder, { recursive: true, force: true });
});

function schemaDocs(acceptEncoding: string): Promise<RawResponse> {
  return rawRequest(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
    body: JSON.stringify({ query: SCHEMA_DOCS }),
  });
}

async function serve(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('compression of GraphQL answers', () => {
  it('sends brotli or gzip as the client accepts, and the same answer once decoded', async () => {
    const plain = await schemaDocs('identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const text = plain.body.toString();
    expect(JSON.parse(text).errors).toBeUndefined();
    expect(text).toContain('Revision number, raised by every change');
    expect(plain.body.length).toBeGreaterThan(100_000);

    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const response = await schemaDocs(accept);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(response).toString()).toBe(text);
      expect(response.body.length).toBeLessThan(plain.body.length / 4);
    }
  });

  it('tells caches the answer varies by Accept-Encoding, also to a client that sends none', async () => {
    const none = await rawRequest(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SCHEMA_DOCS }),
    });
    const identity = await schemaDocs('identity');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.headers.vary).toBe(identity.headers.vary);
    expect(none.headers.vary).toMatch(/accept-encoding/i);
    expect(none.body.equals(identity.body)).toBe(true);
  });

  it('leaves small answers as they are', async () => {
    const response = await rawRequest(`${api.url}/healthz`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(response.body.toString())).toEqual({ status: 'ok' });
  });
});

describe("GraphiQL's files", () => {
  it('are sent compressed, from the build or else on the fly', async () => {
    const script = await rawRequest(`${api.url}/graphiql/${GRAPHIQL_BUILD}/graphiql.js`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(script.status).toBe(200);
    expect(script.headers['content-encoding']).toBe('br');
    expect(decoded(script).equals(await readFile(GRAPHIQL_SCRIPT))).toBe(true);
  });

  it('are sent as the build compressed them, brotli or gzip, without compressing them again', async () => {
    // Fast settings here: the build's own quality takes seconds.
    await precompressGraphiql(folder, { brotliQuality: 4, gzipLevel: 1 });
    const base = await serve(express().use(graphiqlRouter(folder)));
    const original = await readFile(GRAPHIQL_SCRIPT);
    for (const [accept, encoding, extension] of [
      ['gzip, deflate, br', 'br', '.br'],
      ['gzip', 'gzip', '.gz'],
      ['identity', undefined, ''],
    ] as const) {
      const script = await rawRequest(`${base}/graphiql/${GRAPHIQL_BUILD}/graphiql.js`, {
        headers: { 'accept-encoding': accept },
      });
      expect(script.status).toBe(200);
      expect(script.headers['content-encoding']).toBe(encoding);
      expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/i);
      expect(script.headers['cache-control']).toBe(IMMUTABLE);
      expect(script.body.equals(await readFile(join(folder, GRAPHIQL_BUILD, `graphiql.js${extension}`)))).toBe(true);
      expect(decoded(script).equals(original)).toBe(true);
    }
    expect((await rawRequest(`${base}/graphiql/${GRAPHIQL_BUILD}/missing.js`)).status).toBe(404);
  });
});

describe('security headers', () => {
  it('come from helmet on every route, each page with its own policy', async () => {
    const answers = {
      graphql: await rawRequest(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
      healthz: await rawRequest(`${api.url}/healthz`),
      notFound: await rawRequest(`${api.url}/nothing-here`),
      admin: await rawRequest(`${api.url}/admin/`),
      graphiql: await rawRequest(`${api.url}/graphql`, { headers: { accept: 'text/html' } }),
    };
    for (const [route, { headers }] of Object.entries(answers)) {
      expect({ route, nosniff: headers['x-content-type-options'] }).toEqual({ route, nosniff: 'nosniff' });
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['strict-transport-security']).toBe('max-age=31536000');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(headers['x-powered-by']).toBeUndefined();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    for (const route of ['graphql', 'healthz', 'notFound'] as const) {
      expect(answers[route].headers['content-security-policy']).toContain("default-src 'none'");
    }
    expect(answers.admin.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answers.admin.headers['content-security-policy']).not.toContain("'unsafe-eval'");
    expect(answers.graphiql.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answers.graphiql.headers['content-security-policy']).toContain("connect-src 'self'");
  });
});
