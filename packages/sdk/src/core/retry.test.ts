import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlakyProxy, startFlakyProxy } from '../../test/flaky-proxy.ts';
import { type LiveApi, startLiveApi } from '../../test/live-api.ts';
import {
  createClient,
  InternalServerError,
  NetworkError,
  type RetryEvent,
  ThrottledError,
  TimeoutError,
} from '../index.ts';

// Retries against the live API, with a proxy in front that drops connections, loses answers and plays
// an overloaded gateway on cue.
let live: LiveApi;
let proxy: FlakyProxy;
let token: string;

beforeAll(async () => {
  live = await startLiveApi();
  proxy = await startFlakyProxy(live.api.url);
  token = (await live.api.as('ADMIN')).token;
});
afterAll(async () => {
  await proxy?.close();
  await live?.close();
});

function client(events: RetryEvent[] = [], retry: object = {}) {
  return createClient({
    url: proxy.url,
    token,
    retry: { minDelayMs: 40, maxDelayMs: 400, ...retry, onRetry: (event) => events.push(event) },
  });
}

const organization = (name: string) => ({ name, type: 'NGO' as const, countryCode: 'UZ' });

describe('retries', () => {
  it('retries a query after dropped connections, backing off exponentially with jitter', async () => {
    const events: RetryEvent[] = [];
    proxy.script(['drop', 'drop', 'drop']);
    const before = proxy.seen.length;
    const page = await client(events).seminars.list({ first: 1 });
    expect(page.nodes).toHaveLength(1);
    expect(proxy.seen.length - before).toBe(4);
    expect(events.map((event) => event.attempt)).toEqual([1, 2, 3]);
    expect(events.every((event) => event.error instanceof NetworkError)).toBe(true);
    // Equal jitter: retry n waits between half and all of minDelay * 2^(n-1).
    events.forEach((event, index) => {
      const step = 40 * 2 ** index;
      expect(event.delayMs).toBeGreaterThanOrEqual(step / 2);
      expect(event.delayMs).toBeLessThanOrEqual(step);
    });
    const sent = proxy.seen.slice(before).map((request) => request.at);
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(events[i - 1]!.delayMs - 5);
  });

  it('honours Retry-After on 503 and 429, in seconds or as a date', async () => {
    const events: RetryEvent[] = [];
    proxy.script([
      { status: 503, retryAfter: '1' },
      { status: 429, retryAfter: new Date(Date.now() + 1500).toUTCString() },
    ]);
    const started = Date.now();
    const page = await client(events).seminars.list({ first: 1 });
    expect(page.nodes).toHaveLength(1);
    expect(events[0]!.delayMs).toBeGreaterThanOrEqual(1000);
    expect(events[1]!.delayMs).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000 + events[1]!.delayMs - 20);
  });

  it("retries the API's own 503, a GraphQL error for a request that outlived its deadline", async () => {
    const events: RetryEvent[] = [];
    const timedOut = {
      errors: [{ message: 'The request took longer than 10 s', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    };
    proxy.script([{ status: 503, retryAfter: '1', json: timedOut }]);
    const page = await client(events).seminars.list({ first: 1 });
    expect(page.nodes).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(events[0]!.error).toBeInstanceOf(InternalServerError);
    expect(events[0]!.delayMs).toBeGreaterThanOrEqual(1000);
  });

  it('gives up after the last retry and throws what went wrong', async () => {
    const events: RetryEvent[] = [];
    proxy.script(['drop', 'drop', 'drop']);
    await expect(client(events, { retries: 2 }).seminars.list({ first: 1 })).rejects.toBeInstanceOf(NetworkError);
    expect(events).toHaveLength(2);
    proxy.script([]);
  });

  it('does not retry when retries are off, or when Retry-After exceeds what the caller will wait', async () => {
    proxy.script(['drop']);
    const noRetry = createClient({ url: proxy.url, token, retry: false });
    await expect(noRetry.seminars.list({ first: 1 })).rejects.toBeInstanceOf(NetworkError);
    proxy.script([
      {
        status: 429,
        retryAfter: '120',
        json: { errors: [{ message: 'Slow down', extensions: { code: 'THROTTLED' } }] },
      },
    ]);
    const before = proxy.seen.length;
    const error = await client()
      .seminars.list({ first: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterMs).toBe(120_000);
    expect(proxy.seen.length - before).toBe(1);
  });

  it('retries a mutation under one generated Idempotency-Key, so a lost answer creates nothing twice', async () => {
    const name = `Lost answer ${Date.now()}`;
    proxy.script(['lose-answer']);
    const before = proxy.seen.length;
    const result = await client().organizations.create(organization(name));
    expect(result.ok).toBe(true);
    const attempts = proxy.seen.slice(before);
    expect(attempts).toHaveLength(2);
    const keys = attempts.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
    const found = await client().organizations.list({ filter: { name: { eq: name } } });
    expect(found.totalCount).toBe(1);
  });

  it('sends a caller-chosen Idempotency-Key, and never retries a mutation without one', async () => {
    proxy.script(['drop']);
    const before = proxy.seen.length;
    const withoutKeys = createClient({ url: proxy.url, token, idempotencyKeys: false });
    await expect(withoutKeys.organizations.create(organization(`No key ${Date.now()}`))).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(proxy.seen.length - before).toBe(1);
    expect(proxy.seen.at(-1)!.headers['idempotency-key']).toBeUndefined();

    proxy.script(['lose-answer']);
    const name = `Own key ${Date.now()}`;
    const key = `import-row-${Date.now()}`;
    const result = await withoutKeys.organizations.create(organization(name), { idempotencyKey: key });
    expect(result.ok).toBe(true);
    expect(proxy.seen.slice(-2).map((request) => request.headers['idempotency-key'])).toEqual([key, key]);
  });

  it('times out an attempt that takes too long, and retries it', async () => {
    proxy.script([{ delayMs: 1500 }]);
    const events: RetryEvent[] = [];
    const slow = createClient({ url: proxy.url, token, timeoutMs: 300, retry: { onRetry: (e) => events.push(e) } });
    const page = await slow.seminars.list({ first: 1 });
    expect(page.nodes).toHaveLength(1);
    expect(events[0]!.error).toBeInstanceOf(TimeoutError);
  });

  it('stops at once when the caller aborts, also while waiting to retry', async () => {
    proxy.script([{ status: 503, retryAfter: '5' }]);
    const before = proxy.seen.length;
    const controller = new AbortController();
    const pending = client().seminars.list({ first: 1 }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 200);
    await expect(pending).rejects.toThrow('user left');
    expect(proxy.seen.length - before).toBe(1);
    proxy.script([]);
  });
});
