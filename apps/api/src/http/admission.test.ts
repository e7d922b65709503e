import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installSlowPlaceWrites } from '../../test/slow-writes.ts';
import { type Actor, startTestApi, type TestApi, type TestApiOptions } from '../../test/testkit.ts';
import { admission, admissionLimits } from './admission.ts';

const PLACE_CREATE = `mutation($input: PlaceCreateInput!) {
  placeCreate(input: $input) { place { id name } userErrors { field message } }
}`;

interface Answer {
  status: number;
  name: string;
  requestId: string;
  ms: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

interface Setup {
  api: TestApi;
  admin: Actor;
}

async function setUp(options: TestApiOptions): Promise<Setup> {
  const api = await startTestApi(options);
  const admin = await api.as('ADMIN');
  await installSlowPlaceWrites(api.db.pool);
  return { api, admin };
}

/** A place create whose INSERT takes `insertSeconds` in the database (see slow-writes.ts). */
async function createPlace({ api, admin }: Setup, insertSeconds: number): Promise<Answer> {
  const requestId = `admission-${randomUUID()}`;
  const name = `Admission ${requestId} insert=${insertSeconds.toFixed(2)}`;
  const startedAt = performance.now();
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query: PLACE_CREATE, variables: { input: { name, countryCode: 'UZ' } } }),
  });
  const body = (await response.json()) as Answer['body'];
  return {
    status: response.status,
    name,
    requestId,
    ms: performance.now() - startedAt,
    retryAfter: response.headers.get('retry-after'),
    body,
  };
}

async function metric({ api }: Setup, line: string): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const found = text.split('\n').find((row) => row.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

const queued = (setup: Setup) => metric(setup, 'seminarhub_admission_requests{state="queued"}');

async function until(condition: () => Promise<boolean>): Promise<void> {
  const giveUp = performance.now() + 5_000;
  while (!(await condition())) {
    if (performance.now() > giveUp) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What CPU saturation does to the server in this process: nothing else runs until it ends. */
function blockEventLoop(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

async function placesNamed({ api }: Setup, answers: Answer[]): Promise<Set<string>> {
  const rows = await api.db.prisma.place.findMany({
    where: { name: { in: answers.map((a) => a.name) } },
    select: { name: true },
  });
  return new Set(rows.map((row) => row.name));
}

function expectShed(answer: Answer, message: RegExp): void {
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBe('1');
  expect(answer.body.errors?.[0]).toMatchObject({
    message: expect.stringMatching(message),
    extensions: { code: 'SERVICE_UNAVAILABLE', requestId: answer.requestId },
  });
}

describe('admissionLimits', () => {
  it('follows the pool and the deadline unless told: twice the pool running, twice that queued, half the deadline', () => {
    expect(admissionLimits({}, 10, 10_000)).toEqual({ maxConcurrent: 20, maxQueued: 40, maxQueueWaitMs: 5_000 });
    expect(admissionLimits({ maxConcurrent: 3, maxQueued: 0 }, 10, 999)).toEqual({
      maxConcurrent: 3,
      maxQueued: 0,
      maxQueueWaitMs: 499,
    });
  });
});

describe('a request let in from the queue', () => {
  it('runs in its own async context, not in that of the request whose end let it in', async () => {
    // What OpenTelemetry's context manager does for every request's trace.
    const context = new AsyncLocalStorage<string>();
    const limit = admission({ maxConcurrent: 1, maxQueued: 5, maxQueueWaitMs: 5_000 }, pino({ level: 'silent' }));
    const app = express();
    app.use((req, _res, next) => context.run(String(req.query.id), next));
    app.use(limit.handler);
    app.get('/', (_req, res) => {
      const seen = context.getStore();
      setTimeout(() => res.json({ seen }), 50);
    });
    const http = app.listen(0, '127.0.0.1');
    await once(http, 'listening');
    try {
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      const answers = await Promise.all(
        ['a', 'b', 'c'].map(async (id) => ((await (await fetch(`${url}/?id=${id}`)).json()) as { seen: string }).seen),
      );
      expect(answers).toEqual(['a', 'b', 'c']);
    } finally {
      http.closeAllConnections();
      http.close();
    }
  });
});

describe('a full queue', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp({ requestTimeoutMs: 5_000, admission: { maxConcurrent: 2, maxQueued: 2 } });
  });
  afterAll(() => setup?.api.close());

  it('answers the next request 503 at once, and still answers the admitted and the queued ones', async () => {
    // Two running for 0.6 s, two waiting for them.
    const working = [0, 1, 2, 3].map(() => createPlace(setup, 0.6));
    await until(async () => (await queued(setup)) === 2);

    const refused = await createPlace(setup, 0);
    expectShed(refused, /overloaded: 2 requests are running and 2 waiting, so this one was not run/);
    expect(refused.ms).toBeLessThan(300);

    const answers = await Promise.all(working);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.data.placeCreate.place.name).toBe(answer.name);
    }
    expect(await placesNamed(setup, [refused])).toEqual(new Set());
    expect(await metric(setup, 'seminarhub_requests_shed_total{reason="queue_full"}')).toBe(1);
    expect(await queued(setup)).toBe(0);
  });

  it('never sheds /healthz, /readyz, /metrics or a preflight', async () => {
    const working = [0, 1, 2, 3].map(() => createPlace(setup, 0.5));
    await until(async () => (await queued(setup)) === 2);
    const probes = await Promise.all(
      ['/healthz', '/readyz', '/metrics'].map((path) => fetch(`${setup.api.url}${path}`)),
    );
    expect(probes.map((response) => response.status)).toEqual([200, 200, 200]);
    const preflight = await fetch(`${setup.api.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).not.toBe(503);
    await Promise.all(working);
  });
});

describe('a queued request', () => {
  const DEADLINE_MS = 500;
  let setup: Setup;
  beforeAll(async () => {
    // The queue-wait rule out of the way: here the deadline must answer.
    setup = await setUp({
      requestTimeoutMs: DEADLINE_MS,
      admission: { maxConcurrent: 1, maxQueued: 5, maxQueueWaitMs: 60_000 },
    });
  });
  afterAll(() => setup?.api.close());

  it('past its deadline, leaves the queue with the deadline 503, and nothing is written', async () => {
    const holder = createPlace(setup, 0.4);
    const waiting = createPlace(setup, 0);
    await until(async () => (await queued(setup)) === 1);
    // The event loop stalls past both deadlines: the holder's slot cannot free before the waiting
    // request's deadline fires.
    blockEventLoop(2 * DEADLINE_MS);

    const late = await waiting;
    expectShed(late, /took longer than 0.5 s and was stopped: nothing was written/);
    expect(late.ms).toBeLessThan(2 * DEADLINE_MS + 500);
    const first = await holder;
    expect([200, 503]).toContain(first.status);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await placesNamed(setup, [late])).toEqual(new Set());
    expect(await queued(setup)).toBe(0);
    // Its slot went to no one: the next request runs at once.
    expect((await createPlace(setup, 0)).status).toBe(200);
  });
});

describe('a queued request whose client leaves', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp({
      requestTimeoutMs: 10_000,
      admission: { maxConcurrent: 1, maxQueued: 5, maxQueueWaitMs: 60_000 },
    });
  });
  afterAll(() => setup?.api.close());

  it('leaves the queue when its client goes away, runs nothing, and the slot goes to the one behind it', async () => {
    const holder = createPlace(setup, 1);
    await until(
      async () =>
        (await queued(setup)) === 0 && (await metric(setup, 'seminarhub_admission_requests{state="running"}')) === 1,
    );
    const gone = new AbortController();
    const name = `Admission left ${randomUUID()}`;
    const leaving = fetch(`${setup.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.admin.token}` },
      body: JSON.stringify({ query: PLACE_CREATE, variables: { input: { name, countryCode: 'UZ' } } }),
      signal: gone.signal,
    }).catch(() => 'aborted');
    await until(async () => (await queued(setup)) === 1);
    const behind = createPlace(setup, 0);
    await until(async () => (await queued(setup)) === 2);
    gone.abort();
    expect(await leaving).toBe('aborted');
    await until(async () => (await queued(setup)) === 1);

    expect((await holder).status).toBe(200);
    expect((await behind).status).toBe(200);
    expect(await queued(setup)).toBe(0);
    expect(await metric(setup, 'seminarhub_admission_requests{state="running"}')).toBe(0);
    expect(await setup.api.db.prisma.place.count({ where: { name } })).toBe(0);
  });
});

describe('under CPU saturation', () => {
  const DEADLINE_MS = 1_000;
  const QUEUE_WAIT_MS = 300;
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp({
      requestTimeoutMs: DEADLINE_MS,
      admission: { maxConcurrent: 1, maxQueued: 5, maxQueueWaitMs: QUEUE_WAIT_MS },
    });
  });
  afterAll(() => setup?.api.close());

  it('sheds a queued request that waited too long for its turn, and writes nothing for it', async () => {
    const holder = createPlace(setup, 0.1);
    const waiting = createPlace(setup, 0);
    await until(async () => (await queued(setup)) === 1);
    blockEventLoop(2 * QUEUE_WAIT_MS);

    const shed = await waiting;
    expectShed(shed, /overloaded: the request waited 0.3 s for its turn and was not run: nothing was written/);
    expect((await holder).status).toBe(200);
    expect(await placesNamed(setup, [shed])).toEqual(new Set());
    expect(await metric(setup, 'seminarhub_requests_shed_total{reason="queue_wait"}')).toBe(1);
  });

  it('keeps the deadline: 24 clients sending without pause into a busy event loop get 200 or 503 in time', async () => {
    // 30 ms of every 40 the event loop is busy elsewhere, as on a saturated CPU.
    const hog = setInterval(() => blockEventLoop(30), 40);
    const answers: Answer[] = [];
    const until = performance.now() + 3_000;
    try {
      await Promise.all(
        Array.from({ length: 24 }, async () => {
          while (performance.now() < until) answers.push(await createPlace(setup, 0.05));
        }),
      );
    } finally {
      clearInterval(hog);
    }
    const admitted = answers.filter((a) => a.status === 200);
    const shed = answers.filter((a) => a.status === 503);
    const slowest = Math.max(...answers.map((a) => a.ms));
    const p99 = admitted.map((a) => a.ms).sort((a, b) => a - b)[Math.floor(admitted.length * 0.99)] ?? 0;
    console.info(
      `${answers.length} answers: ${admitted.length} admitted (p99 ${p99.toFixed(0)} ms), ` +
        `${shed.length} shed; slowest ${slowest.toFixed(0)} ms`,
    );
    expect(admitted.length + shed.length).toBe(answers.length);
    for (const answer of shed) expect(answer.retryAfter).toBe('1');
    expect(admitted.length).toBeGreaterThanOrEqual(3);
    // 24 clients on one slot and five places in the queue: most are turned away at once.
    expect(shed.length).toBeGreaterThan(admitted.length);
    // The deadline holds, give or take one stall of the hog and the time to stop a request.
    expect(slowest).toBeLessThan(DEADLINE_MS + 500);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const written = await placesNamed(setup, answers);
    for (const answer of shed) expect(written.has(answer.name)).toBe(false);
  });
});
