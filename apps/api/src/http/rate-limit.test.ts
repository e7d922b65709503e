import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';

// Every test here drives the real server over HTTP: budgets, 429 answers and their headers are
// what a client sees. Each test starts the instances it needs, so budgets never leak between tests.

const REDIS_URL = 'redis://127.0.0.1:6379';
/** A port where nothing listens: a Redis that is down. */
const DEAD_REDIS_URL = 'redis://127.0.0.1:6390';

const TYPENAME = '{ __typename }';
const LOGIN = `mutation($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { token userErrors { code } }
}`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** One POST to /graphql, keeping the headers the testkit's helper drops. */
async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A well-formed refusal: 429, Retry-After in whole seconds within the window, a THROTTLED error. */
function expectThrottled(answer: Answer, windowSeconds: number) {
  expect(answer.status).toBe(429);
  const retryAfter = answer.headers.get('retry-after');
  expect(retryAfter).toMatch(/^[1-9]\d*$/);
  expect(Number(retryAfter)).toBeLessThanOrEqual(windowSeconds);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  expect(error!.extensions?.code).toBe('THROTTLED');
  expect(error!.extensions?.retryAfterSeconds).toBe(Number(retryAfter));
  expect(error!.message).toEqual(expect.any(String));
  expect(error!.message.length).toBeGreaterThan(0);
}

function expectServed(answer: Answer) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.errors).toBeUndefined();
}

/** Instances started by the current test, closed after it whatever its outcome. */
const started: TestApi[] = [];
async function start(options: Parameters<typeof startTestApi>[0]) {
  const api = await startTestApi(options);
  started.push(api);
  return api;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((api) => api.close()));
});

describe('rate limits in memory', () => {
  const WINDOW = 60;

  it('throttles an anonymous IP after its budget, with Retry-After and THROTTLED, and runs nothing', async () => {
    const api = await start({ rateLimit: { points: 5, anonymousPoints: 3, windowSeconds: WINDOW } });
    const failures = () => api.db.prisma.loginFailure.count();
    const email = `nobody-${randomUUID()}@test.example`;
    const before = await failures();

    // 1st request: a failed sign-in does record a LoginFailure (the control for the throttled one).
    const first = await post(api.url, LOGIN, { email, password: 'not the password at all' });
    expectServed(first);
    expect(first.body.data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect(first.headers.get('ratelimit-remaining')).toBe('2');
    expect(await failures()).toBe(before + 1);

    // 2nd and 3rd: within budget.
    for (const remaining of ['1', '0']) {
      const served = await post(api.url, TYPENAME);
      expectServed(served);
      expect(served.body.data).toEqual({ __typename: 'Query' });
      expect(served.headers.get('ratelimit-remaining')).toBe(remaining);
    }

    // 4th: over budget. The same failed sign-in is refused before GraphQL runs: no row written.
    const throttled = await post(api.url, LOGIN, { email, password: 'not the password at all' });
    expectThrottled(throttled, WINDOW);
    expect(await failures()).toBe(before + 1);

    // And it stays refused.
    expectThrottled(await post(api.url, TYPENAME), WINDOW);
    expect(await failures()).toBe(before + 1);
  });

  it('gives each signed-in user a budget of their own, apart from the anonymous one', async () => {
    const api = await start({ rateLimit: { points: 5, anonymousPoints: 3, windowSeconds: WINDOW } });
    const first = await api.as('COORDINATOR');
    const second = await api.as('ADMIN');

    // Exhaust the anonymous budget of this IP first: signed-in users must not be affected.
    for (let i = 0; i < 3; i++) expectServed(await post(api.url, TYPENAME));
    expectThrottled(await post(api.url, TYPENAME), WINDOW);

    for (let i = 0; i < 5; i++) {
      const served = await post(api.url, TYPENAME, undefined, bearer(first.token));
      expectServed(served);
      expect(served.headers.get('ratelimit-remaining')).toBe(String(4 - i));
    }
    expectThrottled(await post(api.url, TYPENAME, undefined, bearer(first.token)), WINDOW);

    // A second user, same IP: a full budget of their own.
    for (let i = 0; i < 5; i++) expectServed(await post(api.url, TYPENAME, undefined, bearer(second.token)));
    expectThrottled(await post(api.url, TYPENAME, undefined, bearer(second.token)), WINDOW);

    // The first user is still refused; the testkit's actor helper sees the same 429.
    const viaActor = await first.graphql(TYPENAME);
    expect(viaActor.status).toBe(429);
    expect(viaActor.errors?.[0]?.extensions?.code).toBe('THROTTLED');
  });

  it('lets the budget come back after the window', async () => {
    const api = await start({ rateLimit: { points: 5, anonymousPoints: 2, windowSeconds: 1 } });
    expectServed(await post(api.url, TYPENAME));
    expectServed(await post(api.url, TYPENAME));
    const throttled = await post(api.url, TYPENAME);
    expectThrottled(throttled, 1);
    expect(throttled.headers.get('retry-after')).toBe('1');
    await expect.poll(async () => (await post(api.url, TYPENAME)).status, { timeout: 2_500, interval: 250 }).toBe(200);
  });
});

describe('rate limits shared through Redis', () => {
  const WINDOW = 60;
  const REDIS_OPTIONS: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1 };
  const clients: Redis[] = [];
  const prefixes: string[] = [];
  let admin: Redis;

  async function connect() {
    const client = new Redis(REDIS_URL, REDIS_OPTIONS);
    clients.push(client);
    await once(client, 'ready');
    return client;
  }
  function newPrefix() {
    const prefix = `test:rate:${randomUUID()}`;
    prefixes.push(prefix);
    return prefix;
  }

  beforeAll(async () => {
    admin = await connect();
  });

  afterAll(async () => {
    if (admin?.status === 'ready') {
      for (const prefix of prefixes) {
        const keys = await admin.keys(`${prefix}*`);
        if (keys.length > 0) await admin.del(...keys);
      }
    }
    for (const client of clients) client.disconnect();
  });

  it('counts one anonymous budget across two API instances with the same key prefix', async () => {
    const keyPrefix = newPrefix();
    const rateLimit = { points: 100, anonymousPoints: 10, windowSeconds: WINDOW, keyPrefix };
    const a = await start({ rateLimit: { ...rateLimit, redis: await connect() } });
    const b = await start({ rateLimit: { ...rateLimit, redis: await connect() } });
    expect(a.url).not.toBe(b.url);

    const answers: Answer[] = [];
    for (let i = 0; i < 7; i++) {
      answers.push(await post(a.url, TYPENAME));
      answers.push(await post(b.url, TYPENAME));
    }
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    // The first ten are served, whichever instance answers; every later one is refused.
    expect(statuses).toEqual([...Array(10).fill(200), ...Array(4).fill(429)]);
    for (const answer of answers.slice(10)) expectThrottled(answer, WINDOW);

    // The count lives in Redis under the prefix, not in either process.
    const keys = await admin.keys(`${keyPrefix}*`);
    expect(keys).toEqual([`${keyPrefix}:anonymous:ip:127.0.0.1`]);
    expect(await admin.get(keys[0]!)).toBe('14');
    const ttl = await admin.ttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WINDOW);
  });

  it('shares a signed-in user budget across instances too', async () => {
    const keyPrefix = newPrefix();
    const rateLimit = { points: 4, anonymousPoints: 100, windowSeconds: WINDOW, keyPrefix };
    const a = await start({ rateLimit: { ...rateLimit, redis: await connect() } });
    const b = await start({ rateLimit: { ...rateLimit, redis: await connect() } });
    // Each instance has its own database clone: give the same user a session on both.
    const user = await a.as('COORDINATOR');
    const { userId, token } = user;
    const source = await a.db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const session = await a.db.prisma.authSession.findFirstOrThrow({ where: { userId } });
    await b.db.prisma.user.create({
      data: { id: userId, email: source.email, role: source.role, passwordHash: 'unusable' },
    });
    await b.db.prisma.authSession.create({
      data: { userId, tokenHash: session.tokenHash, expiresAt: session.expiresAt },
    });

    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await post(a.url, TYPENAME, undefined, bearer(token))).status);
      statuses.push((await post(b.url, TYPENAME, undefined, bearer(token))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(await admin.get(`${keyPrefix}:identified:user:${userId}`)).toBe('6');
  });

  it('keeps budgets apart for instances with different key prefixes', async () => {
    const base = { points: 100, anonymousPoints: 10, windowSeconds: WINDOW };
    const a = await start({ rateLimit: { ...base, keyPrefix: newPrefix(), redis: await connect() } });
    const b = await start({ rateLimit: { ...base, keyPrefix: newPrefix(), redis: await connect() } });

    const fromA: number[] = [];
    const fromB: number[] = [];
    for (let i = 0; i < 11; i++) {
      fromA.push((await post(a.url, TYPENAME)).status);
      fromB.push((await post(b.url, TYPENAME)).status);
    }
    // Each allows its own ten, then refuses.
    expect(fromA).toEqual([...Array(10).fill(200), 429]);
    expect(fromB).toEqual([...Array(10).fill(200), 429]);
  });
});

describe('rate limits when Redis is down', () => {
  const WINDOW = 60;
  const clients: Redis[] = [];
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });

  it('still answers, counting in memory, and still throttles after the budget', async () => {
    const errors: Error[] = [];
    const redis = new Redis(DEAD_REDIS_URL, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    clients.push(redis);
    redis.on('error', (error: Error) => errors.push(error));
    const api = await start({
      rateLimit: {
        points: 4,
        anonymousPoints: 3,
        windowSeconds: WINDOW,
        redis,
        keyPrefix: `test:rate:${randomUUID()}`,
      },
    });
    const user = await api.as('COORDINATOR');

    const anonymous: Answer[] = [];
    for (let i = 0; i < 5; i++) anonymous.push(await post(api.url, TYPENAME));
    const signedIn: Answer[] = [];
    for (let i = 0; i < 6; i++) signedIn.push(await post(api.url, TYPENAME, undefined, bearer(user.token)));

    // Never a 5xx: the limiter's failure is not the client's.
    for (const answer of [...anonymous, ...signedIn]) expect(answer.status).toBeLessThan(500);
    expect(anonymous.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429]);
    expect(signedIn.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 429, 429]);
    for (const answer of [...anonymous.slice(3), ...signedIn.slice(4)]) expectThrottled(answer, WINDOW);
    expect(anonymous[0]!.body.data).toEqual({ __typename: 'Query' });

    // Redis really was unreachable: the counting above was the in-memory insurance.
    expect(redis.status).not.toBe('ready');
    expect(errors.some((error) => /ECONNREFUSED/.test(error.message))).toBe(true);
  });
});

/**
 * A proxy in front of Redis that, once frozen, accepts bytes and never answers: a partition
 * without a reset, which a refused connection does not simulate.
 */
async function freezableProxy() {
  let frozen = false;
  const sockets = new Set<import('node:net').Socket>();
  const proxy = createServer((client) => {
    sockets.add(client);
    const upstream = connect(6379, '127.0.0.1');
    sockets.add(upstream);
    client.on('data', (chunk) => {
      if (!frozen) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!frozen) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  return {
    port: (proxy.address() as import('node:net').AddressInfo).port,
    freeze() {
      frozen = true;
    },
    close() {
      frozen = false;
      for (const socket of sockets) socket.destroy();
      proxy.close();
    },
  };
}

describe('rate limits when Redis hangs', () => {
  const WINDOW = 60;
  const clients: Redis[] = [];
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });

  it('falls back to counting in memory within a fraction of the deadline', async () => {
    const proxy = await freezableProxy();
    const port = proxy.port;
    const redis = new Redis(`redis://127.0.0.1:${port}`, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    clients.push(redis);
    await once(redis, 'ready');
    const keyPrefix = `test:rate:${randomUUID()}`;
    const api = await start({
      requestTimeoutMs: 3000,
      rateLimit: { points: 10, anonymousPoints: 3, windowSeconds: WINDOW, redis, keyPrefix },
    });
    try {
      expect((await post(api.url, TYPENAME)).status).toBe(200);
      proxy.freeze();
      const answers: Answer[] = [];
      const begun = performance.now();
      for (let i = 0; i < 3; i++) answers.push(await post(api.url, TYPENAME));
      const elapsed = performance.now() - begun;
      // One request was counted in Redis before the freeze; memory counts afresh: 3 more pass.
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(elapsed).toBeLessThan(2000);
      expect((await post(api.url, TYPENAME)).status).toBe(429);
    } finally {
      proxy.close();
      const cleaner = new Redis(REDIS_URL);
      const keys = await cleaner.keys(`${keyPrefix}*`);
      if (keys.length > 0) await cleaner.del(...keys);
      cleaner.disconnect();
    }
  });
});

describe('a request its deadline answered while its budget was checked', () => {
  it('is dropped without a false error in the log', async () => {
    // A Redis that stops answering holds each check for REDIS_TIMEOUT_MS, past the deadline.
    const proxy = await freezableProxy();
    const redis = new Redis(`redis://127.0.0.1:${proxy.port}`, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await once(redis, 'ready');
    proxy.freeze();
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    try {
      const api = await start({
        requestTimeoutMs: 50,
        logger,
        rateLimit: {
          points: 10,
          anonymousPoints: 10,
          windowSeconds: 60,
          redis,
          keyPrefix: `test:rate:${randomUUID()}`,
        },
      });
      const answers = await Promise.all(Array.from({ length: 3 }, () => post(api.url, TYPENAME)));
      expect(answers.map((answer) => answer.status)).toEqual([503, 503, 503]);
      expect(answers[0]?.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // Past the check's own timeout: the limiter has answered each of them by now.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(lines.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
    } finally {
      redis.disconnect();
      proxy.close();
    }
  });
});

describe('bad credentials', () => {
  const WINDOW = 60;
  it('are charged to the IP budget before they are refused, so guessing tokens is metered', async () => {
    const api = await start({ rateLimit: { points: 10, anonymousPoints: 2, windowSeconds: WINDOW } });
    const guesses: Answer[] = [];
    for (let i = 0; i < 3; i++) guesses.push(await post(api.url, TYPENAME, undefined, bearer(`shs_guess${i}`)));
    expect(guesses.map((answer) => answer.status)).toEqual([401, 401, 429]);
  });
});
