import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installSlowPlaceWrites } from '../../test/slow-writes.ts';
import { TcpFaultProxy } from '../../test/tcp-fault-proxy.ts';
import { type Actor, startTestApi, type TestApi } from '../../test/testkit.ts';

/**
 * PostgreSQL behind a loopback TCP proxy that refuses, stalls, drops and blackholes on cue, and the
 * real server in front of it with the production timeouts: what clients see while the database
 * fails, and how soon they are served again. Each scenario prints its numbers.
 */

// The production defaults (env.ts, open-database.ts), so that the recovery times are the real ones.
const REQUEST_TIMEOUT_MS = 10_000;
const CONNECTION_TIMEOUT_MS = 5_000;
const POOL_MAX = 10;

let proxy: TcpFaultProxy;
let api: TestApi;
let admin: Actor;
const logs: { level: number; msg: string; [field: string]: unknown }[] = [];

beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  api = await startTestApi({
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    logger,
    database: {
      logger,
      poolMax: POOL_MAX,
      statementTimeoutMs: REQUEST_TIMEOUT_MS,
      connectionTimeoutMs: CONNECTION_TIMEOUT_MS,
      connectThrough: async (url) => {
        proxy = await TcpFaultProxy.start(url);
        return proxy.route(url);
      },
    },
  });
  admin = await api.as('ADMIN');
  await installSlowPlaceWrites(api.db.pool);
});

afterAll(async () => {
  await proxy?.pass();
  await api?.close();
  proxy?.close();
});

type Kind = 'anonymous query' | 'signed-in query' | 'anonymous mutation' | 'signed-in mutation';
const KINDS: Kind[] = ['anonymous query', 'signed-in query', 'anonymous mutation', 'signed-in mutation'];

interface Outcome {
  kind: Kind;
  start: number;
  end: number;
  status: number;
  retryAfter: string | null;
  codes: unknown[];
  message: string | undefined;
  requestId: string;
  /** The place a signed-in mutation creates, to look for afterwards. */
  placeName?: string;
  /** 200 with data and no error. */
  ok: boolean;
}

const OPERATIONS: Record<Kind, (tag: string) => { query: string; variables?: Record<string, unknown> }> = {
  'anonymous query': () => ({ query: '{ organizations(first: 1) { totalCount } }' }),
  'signed-in query': () => ({ query: '{ viewer { user { email } } }' }),
  'anonymous mutation': (tag) => ({
    query: 'mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
    variables: { input: { email: `nobody-${tag}@faults.example`, password: 'not the password at all' } },
  }),
  'signed-in mutation': (tag) => ({
    query: 'mutation($input: PlaceCreateInput!) { placeCreate(input: $input) { place { id } userErrors { code } } }',
    variables: { input: { name: `Fault ${tag}`, countryCode: 'UZ' } },
  }),
};

async function send(kind: Kind, variables?: Record<string, unknown>): Promise<Outcome> {
  const tag = randomUUID();
  const requestId = `faults-${tag}`;
  const operation = OPERATIONS[kind](tag);
  const start = Date.now();
  const outcome: Outcome = {
    kind,
    start,
    end: start,
    status: 0,
    retryAfter: null,
    codes: [],
    message: undefined,
    requestId,
    ...(kind === 'signed-in mutation' ? { placeName: `Fault ${tag}` } : {}),
    ok: false,
  };
  try {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': requestId,
        ...(kind.startsWith('signed-in') ? { authorization: `Bearer ${admin.token}` } : {}),
        // As the SDK sends them: so the Idempotency-Key's own bookkeeping meets the outage too.
        ...(kind.endsWith('mutation') ? { 'idempotency-key': tag } : {}),
      },
      body: JSON.stringify({ ...operation, ...(variables ? { variables } : {}) }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: any }[] };
    outcome.status = response.status;
    outcome.retryAfter = response.headers.get('retry-after');
    outcome.codes = (body.errors ?? []).map((error) => error.extensions?.code);
    outcome.message = body.errors?.[0]?.message;
    outcome.ok = response.status === 200 && !body.errors && !!body.data;
  } catch {
    // No answer at all: status 0, which every assertion below refuses.
  }
  outcome.end = Date.now();
  return outcome;
}

/** A 503 a load balancer and the SDK retry: Retry-After, and SERVICE_UNAVAILABLE on every error. */
function isRetryable503(outcome: Outcome): boolean {
  return (
    outcome.status === 503 &&
    outcome.retryAfter === '1' &&
    outcome.codes.length > 0 &&
    outcome.codes.every((code) => code === 'SERVICE_UNAVAILABLE')
  );
}

/** Runs `workers` clients in a loop, each sending the four kinds in turn, until `done()` says so. */
async function load(workers: number, done: (outcomes: Outcome[]) => boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!done(outcomes)) outcomes.push(await send(KINDS[next++ % KINDS.length] as Kind));
    }),
  );
  return outcomes.sort((a, b) => a.start - b.start);
}

/** A new request every `intervalMs` for `durationMs`, the kinds in turn, whether or not earlier ones answered. */
async function sendEvery(intervalMs: number, durationMs: number): Promise<Outcome[]> {
  const sent: Promise<Outcome>[] = [];
  const until = Date.now() + durationMs;
  for (let i = 0; Date.now() < until; i++) {
    sent.push(send(KINDS[i % KINDS.length] as Kind));
    await sleep(intervalMs);
  }
  return (await Promise.all(sent)).sort((a, b) => a.start - b.start);
}

/** Requests sent since `since`, all answered fine for the last `count` in a row. */
function servedSince(outcomes: Outcome[], since: number, count: number): boolean {
  const recent = outcomes.filter((o) => o.start >= since).sort((a, b) => a.start - b.start);
  return recent.length >= count && recent.slice(-count).every((o) => o.ok);
}

/** From `from` to the first request after which every request was served: how long clients waited. */
function recoveryMs(outcomes: Outcome[], from: number): number {
  const after = outcomes.filter((o) => o.start >= from);
  const lastFailure = after.findLastIndex((o) => !o.ok);
  if (lastFailure === after.length - 1) return Number.POSITIVE_INFINITY;
  return Math.max(0, (after[lastFailure + 1] as Outcome).start - from);
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.ok ? '200' : `${o.status} ${o.codes[0] ?? ''}${o.retryAfter ? ` retry-after=${o.retryAfter}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function byKind(outcomes: Outcome[]): Record<string, Record<string, number>> {
  return Object.fromEntries(KINDS.map((kind) => [kind, tally(outcomes.filter((o) => o.kind === kind))]));
}

/** Places written behind the given answers, by the names their mutations sent. */
async function placesBehind(outcomes: Outcome[]): Promise<number> {
  const names = outcomes.flatMap((o) => (o.placeName ? [o.placeName] : []));
  return names.length === 0 ? 0 : api.db.prisma.place.count({ where: { name: { in: names } } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until another session of this database runs a statement like `pattern` (SQL LIKE). */
async function statementRunning(pattern: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const { rows } = await api.db.pool.query<{ running: number }>(
          `SELECT count(*)::int AS running FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE $1`,
          [pattern],
        );
        return rows[0]?.running;
      },
      { interval: 50, timeout: 5_000 },
    )
    .toBeGreaterThan(0);
}

describe('database faults, answered and then recovered', () => {
  it('(a) refusing connections: every request 503 with Retry-After, none 500; served again at once', async () => {
    expect((await send('anonymous query')).ok).toBe(true);
    // PostgreSQL down: its connections closed, new ones refused.
    proxy.refuse();
    proxy.dropAll();
    const downAt = Date.now();
    const during = await load(4, () => Date.now() - downAt >= 3_000);
    await proxy.pass();
    const upAt = Date.now();
    const after = await load(4, (outcomes) => servedSince(outcomes, upAt, 20) || Date.now() - upAt > 20_000);
    const recovery = recoveryMs(after, upAt);

    console.log('(a) PostgreSQL refusing for 3 s, 4 clients:');
    console.table({ refusing: tally(during), 'after it returns': tally(after) });
    console.table(byKind(during));
    console.log(`(a) served again ${recovery} ms after PostgreSQL accepted connections again`);

    expect(during.length).toBeGreaterThanOrEqual(20);
    for (const kind of KINDS) expect(during.some((o) => o.kind === kind)).toBe(true);
    expect(during.filter((o) => !isRetryable503(o))).toEqual([]);
    // Nothing written behind a 503: the creates were refused before they began.
    expect(await placesBehind(during)).toBe(0);
    expect(after.filter((o) => !o.ok && !isRetryable503(o))).toEqual([]);
    expect(recovery).toBeLessThan(10_000);
  });

  it('(e) no free connection within the connection timeout: 503 with Retry-After, signed in or not', async () => {
    const held = await Promise.all(Array.from({ length: POOL_MAX }, () => api.db.pool.connect()));
    let answers: Outcome[];
    try {
      answers = await Promise.all([send('anonymous query'), send('signed-in query')]);
    } finally {
      for (const client of held) client.release();
    }
    console.table(answers.map((o) => ({ kind: o.kind, status: o.status, code: o.codes[0], ms: o.end - o.start })));
    expect(answers.filter((o) => !isRetryable503(o))).toEqual([]);
    expect((await send('signed-in query')).ok).toBe(true);
  });

  it('(b) a failover (stalled 12 s, then the old connections never answer): served again within 10 s', async () => {
    // A warm pool: every connection open and idle, as under steady traffic.
    await Promise.all(Array.from({ length: POOL_MAX }, () => api.db.pool.query('SELECT pg_sleep(0.05)')));
    let blackholeAt = Number.POSITIVE_INFINITY;
    proxy.stall();
    const stallAt = Date.now();
    // Clients that wait for each answer before the next request: what they see during the stall.
    const waiting = load(4, () => Date.now() - blackholeAt >= 6_000);
    await sleep(12_000);
    proxy.blackholeExisting();
    blackholeAt = Date.now();
    // And fresh requests every 200 ms from the failover on, whatever the others still wait for: how
    // soon a new request is served again.
    const fresh = await sendEvery(200, 6_000);
    const stalled = await waiting;
    const all = [...stalled, ...fresh];
    const recovery = recoveryMs(fresh, blackholeAt);
    const firstServed = fresh.find((o) => o.ok);

    console.log('(b) a failover: stalled 12 s, then the old connections blackholed and new ones served:');
    console.table({
      '4 waiting clients': tally(stalled),
      'a new request every 200 ms after the failover': tally(fresh),
    });
    const durations = stalled.filter((o) => o.start < blackholeAt).map((o) => o.end - o.start);
    console.log(
      `(b) requests sent during the stall answered after ${Math.min(...durations)} to ${Math.max(...durations)} ms; ` +
        `new requests served again ${recovery} ms after the failover (the first one ` +
        `${firstServed ? firstServed.start - blackholeAt : '-'} ms after it), ${(blackholeAt - stallAt) / 1000} s after the stall began`,
    );

    // Every request that was not served got a 503 to retry, within the deadline plus the stop's second.
    expect(all.filter((o) => !o.ok && !isRetryable503(o))).toEqual([]);
    for (const duration of durations) expect(duration).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
    expect(fresh.length).toBeGreaterThanOrEqual(20);
    expect(recovery).toBeLessThan(10_000);
    expect(await placesBehind(all.filter((o) => !o.ok))).toBe(0);
  });

  it('(f) a failover without a stall: the old connections found gone, served again within 10 s', async () => {
    await Promise.all(Array.from({ length: POOL_MAX }, () => api.db.pool.query('SELECT pg_sleep(0.05)')));
    proxy.blackholeExisting();
    const failoverAt = Date.now();
    const fresh = await sendEvery(200, 6_000);
    const recovery = recoveryMs(fresh, failoverAt);
    const stuck = fresh.filter((o) => !o.ok).map((o) => o.end - o.start);

    console.log(
      '(f) a failover at once: the open connections blackholed, new ones served; a new request every 200 ms:',
    );
    console.table({ 'after the failover': tally(fresh) });
    console.log(
      `(f) served again ${recovery} ms after the failover; the requests caught on old connections were answered ` +
        `503 after ${stuck.length ? `${Math.min(...stuck)} to ${Math.max(...stuck)}` : '-'} ms`,
    );

    expect(fresh.filter((o) => !o.ok && !isRetryable503(o))).toEqual([]);
    expect(recovery).toBeLessThan(10_000);
    expect(await placesBehind(fresh.filter((o) => !o.ok))).toBe(0);
  });

  it('(c) /readyz answers 503 within 2 s while the database stalls, with one connection for concurrent polls', async () => {
    proxy.stall();
    const opened = proxy.accepted;
    const askedAt = Date.now();
    const polls = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const response = await fetch(`${api.url}/readyz`);
        return { status: response.status, body: await response.json(), ms: Date.now() - askedAt };
      }),
    );
    const healthz = await fetch(`${api.url}/healthz`);
    const connections = proxy.accepted - opened;
    await proxy.pass();
    const upAt = Date.now();
    await expect.poll(async () => (await fetch(`${api.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    console.log(
      `(c) /readyz during a stall: ${polls.map((p) => `${p.status} in ${p.ms} ms`).join(', ')}; ` +
        `${connections} connection(s) opened for the 5 polls; 200 again ${Date.now() - upAt} ms after the stall`,
    );

    for (const poll of polls) {
      expect(poll).toMatchObject({ status: 503, body: { status: 'database unreachable' } });
      expect(poll.ms).toBeLessThan(2_000);
    }
    expect(connections).toBeLessThanOrEqual(2);
    expect(healthz.status).toBe(200);
  });

  it('(d) connections dropped mid-request: 503, and nothing half-written', async () => {
    expect((await send('anonymous query')).ok).toBe(true);
    const dropDuring = async (step: 'insert' | 'commit') => {
      const tag = randomUUID();
      const name = `Dropped ${tag} insert=${step === 'insert' ? '2.00' : '0'} commit=${step === 'commit' ? '2.00' : '0'}`;
      const answer = send('signed-in mutation', { input: { name, countryCode: 'UZ' } });
      await statementRunning(step === 'insert' ? 'INSERT INTO%"Place"%' : 'COMMIT%');
      proxy.dropAll();
      const outcome = await answer;
      // The server finishes the sleeping statement before it finds its client gone.
      await sleep(2_500);
      const places = await api.db.prisma.place.count({ where: { name } });
      const audits = await api.db.prisma.auditEvent.count({ where: { requestId: outcome.requestId } });
      return { step, outcome, places, audits };
    };
    const duringInsert = await dropDuring('insert');
    const duringCommit = await dropDuring('commit');
    console.table(
      [duringInsert, duringCommit].map(({ step, outcome, places, audits }) => ({
        'dropped during': step,
        status: outcome.status,
        code: outcome.codes[0],
        message: outcome.message,
        places,
        audits,
      })),
    );

    // Dropped before its COMMIT: the transaction died with its connection, and the answer says so.
    expect(isRetryable503(duringInsert.outcome)).toBe(true);
    expect(duringInsert.outcome.message).toMatch(/nothing was written/);
    expect([duringInsert.places, duringInsert.audits]).toEqual([0, 0]);
    // Dropped inside its COMMIT: the answer cannot know, and says it may have been written; whatever
    // the server did, the place and its audit event went together.
    expect(isRetryable503(duringCommit.outcome)).toBe(true);
    expect(duringCommit.outcome.message).toMatch(/may have been written/);
    expect(duringCommit.places).toBe(duringCommit.audits);
    expect((await send('signed-in query')).ok).toBe(true);
  });

  it('(g) sessions ended by the server (pg_terminate_backend, as a restart does): 503 for the one caught, nothing written', async () => {
    const name = `Terminated ${randomUUID()} insert=2.00 commit=0`;
    const answer = send('signed-in mutation', { input: { name, countryCode: 'UZ' } });
    await statementRunning('INSERT INTO%"Place"%');
    // Every session of this database but the one asking: the request's INSERT is among them.
    const { rowCount } = await api.db.pool.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const caught = await answer;
    const next = await Promise.all(KINDS.map((kind) => send(kind)));
    await sleep(2_500);
    const places = await api.db.prisma.place.count({ where: { name } });
    const logged = logs.find((line) => line.requestId === caught.requestId && line.level === 40);
    console.log(
      `(g) ${rowCount} session(s) terminated; the request caught in its INSERT: ${caught.status} ${caught.codes[0]} ` +
        `"${caught.message}", logged as ${JSON.stringify({ code: logged?.code, reason: logged?.reason })}; ` +
        `${places} place(s) written; the next four: ${next.map((o) => o.status).join(', ')}`,
    );

    expect(isRetryable503(caught)).toBe(true);
    expect(caught.message).toMatch(/nothing was written/);
    expect(places).toBe(0);
    expect(next.filter((o) => !o.ok && !isRetryable503(o))).toEqual([]);
    expect((await send('signed-in query')).ok).toBe(true);
  });

  it('logs no "unexpected error" for any of it: outages are warnings', () => {
    const errors = logs.filter((line) => line.level >= 50);
    const warnings = new Map<string, number>();
    for (const line of logs.filter((l) => l.level === 40)) warnings.set(line.msg, (warnings.get(line.msg) ?? 0) + 1);
    console.log('warnings logged:', Object.fromEntries(warnings));
    expect(errors.map((line) => line.msg)).toEqual([]);
    expect(warnings.get('database unavailable: answered 503')).toBeGreaterThan(0);
  });
});
