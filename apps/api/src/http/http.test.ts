import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';
import { GRAPHIQL_BUILD } from './graphiql.ts';
import { IMMUTABLE } from './static-assets.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** Nothing a client receives may reveal code, SQL or the ORM. */
function expectNoInternals(body: string) {
  expect(body).not.toMatch(/\bat .+\.(ts|js):\d+|stacktrace|node_modules|prisma|SELECT |ECONNREFUSED/i);
}

describe('health endpoints', () => {
  it('reports the process alive and the database ready', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('GraphQL over HTTP', () => {
  it('refuses a body over 100 kB with 413 and a JSON error', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }${' '.repeat(110_000)}` }),
    });
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(JSON.parse(text).errors[0]).toMatchObject({
      message: expect.stringMatching(/too large.*100kb/),
      extensions: { code: 'BAD_REQUEST' },
    });
    expectNoInternals(text);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ __typename }"',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].message).toBe('Request body is not valid JSON.');
    expectNoInternals(text);
  });

  it('blocks requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const simplePost = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simplePost.status).toBe(400);
    const simpleGet = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.text()).toMatch(/CSRF/);
    const preflightedGet = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflightedGet.status).toBe(200);
  });

  it('does not accept batches of operations', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('rejects a syntax error with GRAPHQL_PARSE_FAILED and an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const parse = await api.graphql('{ seminars(first: 1 { nodes { title } } }');
    expect(parse.status).toBe(400);
    expect(parse.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const validation = await api.graphql('{ seminars(first: 1) { nodes { budget } } }');
    expect(validation.status).toBe(400);
    expect(validation.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('echoes a request id, and makes one when the client sends none', async () => {
    const given = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${api.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('GraphiQL', () => {
  it('opens in a browser at /graphql, from our own assets, with the example query', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    expect(html).toContain('seminars(first: 5)');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1] as string)
      .filter((source) => !source.startsWith('data:'));
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      // Named by the versions they come from, so that a browser may keep them for a year.
      expect(source.startsWith(`/graphiql/${GRAPHIQL_BUILD}/`)).toBe(true);
      const asset = await fetch(`${api.url}${source}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });
});
