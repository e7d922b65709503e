import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../test/testkit.ts';
import { MAX_OPERATION_LABELS, outcomeOf } from './metrics.ts';

let api: TestApi;
let coordinator: Actor;
beforeAll(async () => {
  api = await startTestApi({ rateLimit: { points: 100_000, anonymousPoints: 3, windowSeconds: 60 } });
  coordinator = await api.as('COORDINATOR');
});
afterAll(() => api?.close());

async function scrape(headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${api.url}/metrics`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one series, e.g. `value(text, 'seminarhub_graphql_requests_total', { outcome: 'ok' })`. */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const wanted = Object.entries(labels).every(([key, expected]) => line.includes(`${key}="${expected}"`));
    if (wanted) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

const CREATE =
  'mutation OrganizationCreate_Metrics($input: OrganizationCreateInput!) { organizationCreate(input: $input) { organization { id } userErrors { field code message } } }';

describe('/metrics', () => {
  it('counts GraphQL requests by operation and outcome, with latency histograms', async () => {
    const ok = await coordinator.graphql(CREATE, {
      input: { name: 'Tashkent Metrics Institute', type: 'AGENCY', countryCode: 'UZ' },
    });
    expect(ok.data.organizationCreate.userErrors).toEqual([]);
    const refused = await coordinator.graphql(CREATE, { input: { name: ' ', type: 'AGENCY', countryCode: 'UZ' } });
    expect(refused.data.organizationCreate.userErrors.length).toBeGreaterThan(0);
    const invalid = await coordinator.graphql('query Broken_Metrics { noSuchField }');
    expect(invalid.status).toBe(400);
    const forbidden = await api.graphql('query Accounts_Metrics { users(first: 1) { totalCount } }');
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const text = await scrape();
    const count = (operation: string, outcome: string) =>
      value(text, 'seminarhub_graphql_requests_total', { operation, outcome });
    expect(count('OrganizationCreate_Metrics', 'ok')).toBe(1);
    expect(count('OrganizationCreate_Metrics', 'user_error')).toBe(1);
    expect(count('Accounts_Metrics', 'client_error')).toBe(1);
    // A document that does not validate never names a label: its name could be anything.
    expect(text).not.toContain('Broken_Metrics');
    expect(count('(none)', 'client_error')).toBeGreaterThanOrEqual(1);
    expect(
      value(text, 'seminarhub_graphql_request_duration_seconds_count', {
        operation: 'OrganizationCreate_Metrics',
        type: 'mutation',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      value(text, 'seminarhub_http_request_duration_seconds_count', { route: '/graphql', status: '200' }),
    ).toBeGreaterThanOrEqual(3);
  });

  it('shows the pool, the event loop and the process', async () => {
    await api.graphql('{ seminars(first: 1) { totalCount } }');
    const text = await scrape();
    expect(value(text, 'seminarhub_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(value(text, 'seminarhub_db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(value(text, 'seminarhub_db_pool_max_connections')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'seminarhub_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'seminarhub_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts rate-limit refusals', async () => {
    const before = await scrape();
    const refusedBefore =
      value(before, 'seminarhub_graphql_requests_total', { operation: '(none)', outcome: 'client_error' }) ?? 0;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ query: '{ seminars(first: 1) { totalCount } }' }),
      });
      statuses.push(response.status);
    }
    const refusals = statuses.filter((status) => status === 429).length;
    expect(refusals).toBeGreaterThanOrEqual(3);
    const text = await scrape();
    expect(value(text, 'seminarhub_rate_limit_refusals_total', { budget: 'anonymous' })).toBeGreaterThanOrEqual(
      refusals,
    );
    // Refused before GraphQL ran: no operation name, a client error.
    expect(value(text, 'seminarhub_graphql_requests_total', { operation: '(none)', outcome: 'client_error' })).toBe(
      refusedBefore + refusals,
    );
  });

  it(`keeps at most ${MAX_OPERATION_LABELS} operation names, however many a client invents`, async () => {
    for (let i = 0; i < MAX_OPERATION_LABELS + 20; i += 1) {
      const { status } = await coordinator.graphql(`query Invented${i} { seminars(first: 1) { totalCount } }`);
      expect(status).toBe(200);
    }
    const text = await scrape();
    const names = new Set(
      [...text.matchAll(/^seminarhub_graphql_requests_total\{operation="([^"]*)"/gm)].map((match) => match[1]),
    );
    // Besides the names: (other), (anonymous) and (none) for requests that never reached GraphQL.
    expect(names.size).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 3);
    expect(names).toContain('(other)');
  });

  it('is not readable through a proxy, nor from elsewhere with a wrong token', async () => {
    const proxied = await fetch(`${api.url}/metrics`, { headers: { 'x-forwarded-for': '198.51.100.4' } });
    expect(proxied.status).toBe(403);
    const withToken = await startTestApi({ metricsToken: 'a-long-metrics-token-0123' });
    try {
      expect((await fetch(`${withToken.url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${withToken.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${withToken.url}/metrics`, {
        headers: { authorization: 'Bearer a-long-metrics-token-0123', 'x-forwarded-for': '198.51.100.4' },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('seminarhub_db_pool_connections');
    } finally {
      await withToken.close();
    }
  });
});

describe('outcomeOf', () => {
  it('tells a retryable outage from a server error, a client error and a refused mutation', () => {
    expect(outcomeOf({ data: { seminars: { totalCount: 1 } } })).toBe('ok');
    expect(outcomeOf({ data: { x: { userErrors: [{ field: 'name' }] } } })).toBe('user_error');
    expect(outcomeOf({ errors: [{ message: '', extensions: { code: 'FORBIDDEN' } }] })).toBe('client_error');
    expect(outcomeOf({ errors: [{ message: '', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })).toBe(
      'server_error',
    );
    expect(outcomeOf({ errors: [{ message: '' }] })).toBe('server_error');
    expect(
      outcomeOf({
        errors: [
          { message: '', extensions: { code: 'SERVICE_UNAVAILABLE' } },
          { message: '', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      }),
    ).toBe('unavailable');
  });
});

describe('TRUST_PROXY', () => {
  async function statuses(api: TestApi, addresses: string[]): Promise<number[]> {
    const answers: number[] = [];
    for (const address of addresses) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ query: '{ seminars(first: 1) { totalCount } }' }),
      });
      answers.push(response.status);
    }
    return answers;
  }
  const rateLimit = { points: 100, anonymousPoints: 2, windowSeconds: 60 };
  const addresses = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];

  it('by default believes a proxy on this machine: each forwarded client has its own budget', async () => {
    const trusting = await startTestApi({ rateLimit });
    try {
      expect(await statuses(trusting, addresses)).toEqual([200, 200, 200]);
    } finally {
      await trusting.close();
    }
  });

  it('set to false ignores X-Forwarded-For: the connection is the client, with one budget', async () => {
    const direct = await startTestApi({ rateLimit, trustProxy: false });
    try {
      expect(await statuses(direct, addresses)).toEqual([200, 200, 429]);
    } finally {
      await direct.close();
    }
  });
});
