import { TcpFaultProxy } from '@seminarhub/api/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveApi, startLiveApi } from '../../test/live-api.ts';
import { type Client, GraphQLResponseError, type RetryEvent } from '../index.ts';

// The live API with its PostgreSQL behind a TCP proxy that refuses on cue: a database outage as the
// SDK meets it, through the API's 503 SERVICE_UNAVAILABLE with Retry-After.
let live: LiveApi;
let proxy: TcpFaultProxy;
let client: Client;
const events: RetryEvent[] = [];

beforeAll(async () => {
  live = await startLiveApi({
    database: {
      connectThrough: async (url) => {
        proxy = await TcpFaultProxy.start(url);
        return proxy.route(url);
      },
    },
  });
  client = await live.clientAs('ADMIN', { retry: { onRetry: (event) => events.push(event) } });
});
afterAll(async () => {
  await proxy?.pass();
  await live?.close();
  proxy?.close();
});

describe('a database outage', () => {
  it('is ridden out by the retries: a query and a keyed mutation succeed, the mutation written once', async () => {
    const name = `Outage ${Date.now()}`;
    // PostgreSQL down for 1.5 s: its connections closed, new ones refused.
    proxy.refuse();
    proxy.dropAll();
    const downAt = Date.now();
    const back = new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => proxy.pass());
    const [page, created] = await Promise.all([
      client.seminars.list({ first: 1 }),
      client.organizations.create({ name, type: 'NGO', countryCode: 'UZ' }),
    ]);
    await back;
    console.log(
      `served ${Date.now() - downAt} ms after PostgreSQL went down for 1.5 s, after ${events.length} retries: ` +
        events.map((event) => `${event.operationName} waited ${event.delayMs} ms`).join(', '),
    );

    expect(page.nodes).toHaveLength(1);
    expect(created.ok).toBe(true);
    // Every retry was on the API's 503, and waited at least its Retry-After.
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const event of events) {
      expect(event.error).toBeInstanceOf(GraphQLResponseError);
      expect(event.error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(event.delayMs).toBeGreaterThanOrEqual(1_000);
    }
    const found = await client.organizations.list({ filter: { name: { eq: name } } });
    expect(found.totalCount).toBe(1);
  });
});
