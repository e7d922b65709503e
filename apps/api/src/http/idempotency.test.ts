import { randomUUID } from 'node:crypto';
import { CommitMarkerMissingError, RequestWork } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../test/testkit.ts';
import { CREDENTIAL_TTL_MS } from '../core/auth/credential-cache.ts';
import { hashPassword } from '../core/auth/passwords.ts';
import { longestRequestMs } from './deadline.ts';
import {
  committedMarker,
  IDEMPOTENCY_TTL_MS,
  IN_FLIGHT_MARGIN_MS,
  IN_FLIGHT_MESSAGE,
  idempotencyScope,
  keyDigest,
  MALFORMED_KEY_MESSAGE,
  RESPONSE_LOST_CODE,
  RESPONSE_LOST_MESSAGE,
  requestHash,
} from './idempotency.ts';

let api: TestApi;
let admin: Actor;
/** The server's own deadline, which bounds how long a row may stay in flight. */
const REQUEST_TIMEOUT_MS = 10_000;
beforeAll(async () => {
  api = await startTestApi({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
  admin = await api.as('ADMIN');
});
afterAll(() => api?.close());

const CREATE = `mutation($input: ApiKeyCreateInput!) {
  apiKeyCreate(input: $input) { secret apiKey { id name scope } userErrors { field code message } }
}`;
const LOGIN = `mutation($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { token userErrors { code message } }
}`;

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** One POST over HTTP, keeping the headers and the raw body, which the testkit's helper drops. */
async function send(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
  actor?: Actor,
): Promise<Sent> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(actor ? { authorization: `Bearer ${actor.token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

const key = (value: string) => ({ 'idempotency-key': value });
const createInput = (name: string, scope: 'READ' | 'READ_WRITE' = 'READ') => ({ input: { name, scope } });
const apiKeys = () => api.db.prisma.apiKey.count();
const rowsFor = (actor: Actor) => api.db.prisma.idempotencyKey.findMany({ where: { scope: `user:${actor.userId}` } });

function expectRefused(sent: Sent, status: number, code: string, message: string | RegExp) {
  expect(sent.status).toBe(status);
  expect(sent.body.data).toBeUndefined();
  expect(sent.body.errors).toHaveLength(1);
  expect(sent.body.errors?.[0]).toMatchObject({
    message: typeof message === 'string' ? message : expect.stringMatching(message),
    extensions: { code },
  });
  // The status travels in `extensions.http` inside the server; it must not reach the client.
  expect(sent.body.errors?.[0]?.extensions).not.toHaveProperty('http');
  expect(sent.headers.get('idempotent-replayed')).toBeNull();
}

describe('a mutation sent with an Idempotency-Key', () => {
  it('runs once: a retry with the same key and input gets the first response and writes nothing', async () => {
    const idempotencyKey = randomUUID();
    const before = await apiKeys();
    const first = await send(CREATE, createInput('once'), key(idempotencyKey), admin);
    expect(first.status).toBe(200);
    expect(first.body.data.apiKeyCreate.secret).toMatch(/^shk_/);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const retry = await send(CREATE, createInput('once'), key(idempotencyKey), admin);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.body.data.apiKeyCreate.secret).toBe(first.body.data.apiKeyCreate.secret);
    expect(await apiKeys()).toBe(before + 1);

    const rows = await rowsFor(admin);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: keyDigest(idempotencyKey), completedAt: expect.any(Date) });
    // The secret is shown once and otherwise kept only as a hash: the stored answer is encrypted.
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(first.body.data.apiKeyCreate.secret);
    expect(stored).not.toContain(idempotencyKey);
  });

  it('replays an answer with userErrors too: a failed login is counted once', async () => {
    const email = `nobody-${randomUUID()}@example.org`;
    const idempotencyKey = randomUUID();
    const first = await send(LOGIN, { email, password: 'not the password at all' }, key(idempotencyKey));
    expect(first.body.data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    const retry = await send(LOGIN, { email, password: 'not the password at all' }, key(idempotencyKey));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await api.db.prisma.loginFailure.count({ where: { email } })).toBe(1);
    // Anonymous callers' keys belong to their address.
    const row = await api.db.prisma.idempotencyKey.findFirstOrThrow({ where: { key: keyDigest(idempotencyKey) } });
    expect(row.scope).toMatch(/^ip:.+/);
  });

  it('refuses the same key with other input: 422, nothing executed', async () => {
    const idempotencyKey = randomUUID();
    await send(CREATE, createInput('first input'), key(idempotencyKey), admin);
    const before = await apiKeys();
    for (const input of [createInput('other input'), createInput('first input', 'READ_WRITE')]) {
      const other = await send(CREATE, input, key(idempotencyKey), admin);
      expectRefused(other, 422, 'BAD_USER_INPUT', /already used with other input/);
    }
    // The document is part of the input: the same variables in another operation are other input.
    const renamed = CREATE.replace('mutation(', 'mutation Renamed(');
    const sent = await send(renamed, createInput('first input'), key(idempotencyKey), admin);
    expectRefused(sent, 422, 'BAD_USER_INPUT', /already used with other input/);
    expect(await apiKeys()).toBe(before);
  });

  it('lets exactly one of concurrent duplicates run; the others replay it or are told to retry', async () => {
    for (let round = 0; round < 5; round++) {
      const idempotencyKey = randomUUID();
      const before = await apiKeys();
      const sent = await Promise.all(
        Array.from({ length: 3 }, () => send(CREATE, createInput(`concurrent ${round}`), key(idempotencyKey), admin)),
      );
      expect(await apiKeys()).toBe(before + 1);
      const executed = sent.filter((one) => one.status === 200 && one.headers.get('idempotent-replayed') === null);
      expect(executed).toHaveLength(1);
      for (const one of sent) {
        if (one === executed[0]) continue;
        if (one.status === 200) {
          expect(one.headers.get('idempotent-replayed')).toBe('true');
          expect(one.body).toEqual(executed[0]?.body);
        } else {
          expectRefused(one, 409, 'THROTTLED', IN_FLIGHT_MESSAGE);
          expect(one.headers.get('retry-after')).toBe('1');
        }
      }
      // Once the first has finished, a retry gets its answer.
      const later = await send(CREATE, createInput(`concurrent ${round}`), key(idempotencyKey), admin);
      expect(later.headers.get('idempotent-replayed')).toBe('true');
      expect(later.body).toEqual(executed[0]?.body);
    }
  });

  it('answers 409 to a duplicate that arrives while the first is running: one sign-in, one session', async () => {
    const email = `racer-${randomUUID()}@example.org`;
    const password = 'a long and sturdy passphrase';
    const { prisma } = api.db;
    const user = await prisma.user.create({
      data: { email, role: 'PARTICIPANT', passwordHash: await hashPassword(password) },
    });
    const idempotencyKey = randomUUID();
    const sign = () => send(LOGIN, { email, password }, key(idempotencyKey));

    // Holding the user's row keeps the first sign-in in flight at its last write, for as long as needed.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id}::uuid FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const first = sign();
    const claimed = { key: keyDigest(idempotencyKey) };
    await expect.poll(() => prisma.idempotencyKey.count({ where: claimed }), { timeout: 10_000 }).toBe(1);
    const duplicates = await Promise.all([sign(), sign()]);
    for (const one of duplicates) expectRefused(one, 409, 'THROTTLED', IN_FLIGHT_MESSAGE);
    release();
    await holder;

    const answer = await first;
    expect(answer.status).toBe(200);
    expect(answer.body.data.login.token).toMatch(/^shs_/);
    const retry = await sign();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(answer.body);
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it('answers 409 while the first request is still being processed, and runs nothing', async () => {
    const idempotencyKey = randomUUID();
    const variables = createInput('in flight');
    await api.db.prisma.idempotencyKey.create({
      data: {
        scope: `user:${admin.userId}`,
        key: keyDigest(idempotencyKey),
        requestHash: requestHash({ query: CREATE, variables }),
      },
    });
    const before = await apiKeys();
    const sent = await send(CREATE, variables, key(idempotencyKey), admin);
    expectRefused(sent, 409, 'THROTTLED', IN_FLIGHT_MESSAGE);
    expect(sent.headers.get('retry-after')).toBe('1');
    // Other input with that key is still other input.
    expectRefused(await send(CREATE, createInput('else'), key(idempotencyKey), admin), 422, 'BAD_USER_INPUT', /other/);
    expect(await apiKeys()).toBe(before);
  });

  it('keeps keys per caller: two administrators may use the same key', async () => {
    const other = await api.as('ADMIN');
    const idempotencyKey = randomUUID();
    const before = await apiKeys();
    const mine = await send(CREATE, createInput('shared key'), key(idempotencyKey), admin);
    const theirs = await send(CREATE, createInput('shared key'), key(idempotencyKey), other);
    for (const sent of [mine, theirs]) {
      expect(sent.status).toBe(200);
      expect(sent.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(theirs.body.data.apiKeyCreate.secret).not.toBe(mine.body.data.apiKeyCreate.secret);
    expect(await apiKeys()).toBe(before + 2);
    expect(await rowsFor(other)).toHaveLength(1);
    expect(idempotencyScope({ kind: 'anonymous' }, '10.0.0.1')).toBe('ip:10.0.0.1');
  });

  it('forgets rows older than 24 h: the request runs again', async () => {
    const idempotencyKey = randomUUID();
    const first = await send(CREATE, createInput('stale'), key(idempotencyKey), admin);
    await api.db.prisma.idempotencyKey.updateMany({
      where: { key: keyDigest(idempotencyKey) },
      data: { createdAt: new Date(Date.now() - IDEMPOTENCY_TTL_MS - 60_000) },
    });
    const before = await apiKeys();
    const again = await send(CREATE, createInput('stale'), key(idempotencyKey), admin);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.data.apiKeyCreate.secret).not.toBe(first.body.data.apiKeyCreate.secret);
    expect(await apiKeys()).toBe(before + 1);
    const rows = await api.db.prisma.idempotencyKey.findMany({ where: { key: keyDigest(idempotencyKey) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('releases a row left in flight by a process that died: a retry runs instead of a 409', async () => {
    // What a process killed mid-request leaves: the claim, no response, no write behind it.
    const idempotencyKey = randomUUID();
    const input = createInput('orphaned');
    const claim = {
      scope: `user:${admin.userId}`,
      key: keyDigest(idempotencyKey),
      requestHash: requestHash({ query: CREATE, variables: input }),
    };
    const row = await api.db.prisma.idempotencyKey.create({ data: claim });
    const limit = longestRequestMs(REQUEST_TIMEOUT_MS) + IN_FLIGHT_MARGIN_MS;
    // Younger than its owner can run: the owner may still be writing, so the retry waits.
    await api.db.prisma.idempotencyKey.update({
      where: { id: row.id },
      data: { createdAt: new Date(Date.now() - limit + 5_000) },
    });
    const before = await apiKeys();
    expectRefused(await send(CREATE, input, key(idempotencyKey), admin), 409, 'THROTTLED', IN_FLIGHT_MESSAGE);
    expect(await apiKeys()).toBe(before);

    await api.db.prisma.idempotencyKey.update({
      where: { id: row.id },
      data: { createdAt: new Date(Date.now() - limit - 1_000) },
    });
    const retry = await send(CREATE, input, key(idempotencyKey), admin);
    expect(retry.status).toBe(200);
    expect(retry.body.data.apiKeyCreate.secret).toMatch(/^shk_/);
    expect(await apiKeys()).toBe(before + 1);
    const rows = await rowsFor(admin);
    const mine = rows.filter((r) => r.key === claim.key);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.id).not.toBe(row.id);
    expect(mine[0]?.response).not.toBeNull();
    // And the next retry replays the answer: released once, not on every retry.
    const replay = await send(CREATE, input, key(idempotencyKey), admin);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.data.apiKeyCreate.secret).toBe(retry.body.data.apiKeyCreate.secret);
    expect(await apiKeys()).toBe(before + 1);
  });

  it('refuses a malformed key with 400 and runs nothing', async () => {
    const before = await apiKeys();
    const beforeRows = await api.db.prisma.idempotencyKey.count();
    for (const malformed of ['', 'k'.repeat(256), 'clé', 'tab\there']) {
      const sent = await send(CREATE, createInput('malformed'), key(malformed), admin);
      expectRefused(sent, 400, 'BAD_USER_INPUT', MALFORMED_KEY_MESSAGE);
    }
    expect(await apiKeys()).toBe(before);
    expect(await api.db.prisma.idempotencyKey.count()).toBe(beforeRows);
    // The bounds themselves are accepted.
    for (const valid of ['k', 'k'.repeat(255), ' ~!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ x']) {
      const sent = await send(CREATE, createInput('bounds'), key(valid), admin);
      expect(sent.status).toBe(200);
      expect(sent.body.data.apiKeyCreate.userErrors).toEqual([]);
    }
  });

  it('forgets a first attempt that failed with a top-level error: a retry executes again', async () => {
    const coordinator = await api.as('COORDINATOR');
    const idempotencyKey = randomUUID();
    const before = await apiKeys();
    const refused = await send(CREATE, createInput('after promotion'), key(idempotencyKey), coordinator);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rowsFor(coordinator)).toEqual([]);

    await api.db.prisma.user.update({ where: { id: coordinator.userId }, data: { role: 'ADMIN' } });
    // A change made behind the API's back, as another process would: believed within CREDENTIAL_TTL_MS.
    await new Promise((done) => setTimeout(done, CREDENTIAL_TTL_MS + 100));
    const retry = await send(CREATE, createInput('after promotion'), key(idempotencyKey), coordinator);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body.data.apiKeyCreate.secret).toMatch(/^shk_/);
    expect(await apiKeys()).toBe(before + 1);
    expect(await rowsFor(coordinator)).toHaveLength(1);
  });

  it('forgets a request whose variables were refused, so the same retry is refused the same way', async () => {
    const idempotencyKey = randomUUID();
    const before = await api.db.prisma.idempotencyKey.count();
    for (let attempt = 0; attempt < 2; attempt++) {
      const sent = await send(
        CREATE,
        { input: { name: 'bad scope', scope: 'EVERYTHING' } },
        key(idempotencyKey),
        admin,
      );
      expect(sent.status).toBe(400);
      expect(sent.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(sent.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await api.db.prisma.idempotencyKey.count()).toBe(before);
  });
});

describe('a request whose answer was lost after it wrote (its process died between the two)', () => {
  const limit = longestRequestMs(REQUEST_TIMEOUT_MS) + IN_FLIGHT_MARGIN_MS;
  const rowOf = (idempotencyKey: string) =>
    api.db.prisma.idempotencyKey.findFirstOrThrow({ where: { key: keyDigest(idempotencyKey) } });
  /** Past the longest its request could run: what a retry finds after its process died. */
  const age = (id: string) =>
    api.db.prisma.idempotencyKey.update({ where: { id }, data: { createdAt: new Date(Date.now() - limit - 1_000) } });

  it('marks its row inside the write: a request that wrote has committedAt, one that wrote nothing has not', async () => {
    const wrote = randomUUID();
    const sent = await send(CREATE, createInput('marked'), key(wrote), admin);
    expect(sent.body.data.apiKeyCreate.secret).toMatch(/^shk_/);
    const row = await rowOf(wrote);
    expect(row.committedAt).toBeInstanceOf(Date);
    expect(row.committedAt!.getTime()).toBeLessThanOrEqual(row.completedAt!.getTime());

    // A userError: the mutation ran (its answer is kept) and wrote nothing.
    const refused = randomUUID();
    const answer = await send(CREATE, createInput('   '), key(refused), admin);
    expect(answer.body.data.apiKeyCreate.userErrors[0].code).toBe('INVALID');
    const unmarked = await rowOf(refused);
    expect(unmarked.response).not.toBeNull();
    expect(unmarked.committedAt).toBeNull();
  });

  it('answers the retry 409 IDEMPOTENT_RESPONSE_LOST and runs nothing when it wrote; releases and runs it once when it did not', async () => {
    // The crash window for real: each request runs and commits (or not) as usual, then storing its
    // answer fails, as when its process dies right there. A trigger refuses to store these two.
    const wrote = randomUUID();
    const wroteNothing = randomUUID();
    const digests = [keyDigest(wrote), keyDigest(wroteNothing)].map((digest) => `'${digest}'`).join(', ');
    await api.db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION lose_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'answer lost'; END $$`,
    );
    await api.db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER lose_answer BEFORE UPDATE OF response ON "IdempotencyKey" FOR EACH ROW
       WHEN (NEW.response IS NOT NULL AND NEW.key IN (${digests})) EXECUTE FUNCTION lose_answer()`,
    );
    const before = await apiKeys();
    let first: Sent;
    let refused: Sent;
    try {
      first = await send(CREATE, createInput('answer lost'), key(wrote), admin);
      refused = await send(CREATE, createInput(''), key(wroteNothing), admin);
    } finally {
      await api.db.prisma.$executeRawUnsafe('DROP TRIGGER lose_answer ON "IdempotencyKey"');
      await api.db.prisma.$executeRawUnsafe('DROP FUNCTION lose_answer()');
    }
    // The clients got their answers; the rows stayed in flight, one marked.
    expect(first.body.data.apiKeyCreate.secret).toMatch(/^shk_/);
    expect(refused.body.data.apiKeyCreate.userErrors[0].code).toBe('INVALID');
    expect(await apiKeys()).toBe(before + 1);
    const marked = await rowOf(wrote);
    const unmarked = await rowOf(wroteNothing);
    expect(marked).toMatchObject({ response: null, committedAt: expect.any(Date) });
    expect(unmarked).toMatchObject({ response: null, committedAt: null });

    // While its request could still be running, both are in flight.
    expectRefused(
      await send(CREATE, createInput('answer lost'), key(wrote), admin),
      409,
      'THROTTLED',
      IN_FLIGHT_MESSAGE,
    );
    await age(marked.id);
    await age(unmarked.id);

    // Written, its answer lost: never run again, on every retry, and the row kept for its 24 h.
    for (let attempt = 0; attempt < 2; attempt++) {
      const retry = await send(CREATE, createInput('answer lost'), key(wrote), admin);
      expectRefused(retry, 409, RESPONSE_LOST_CODE, RESPONSE_LOST_MESSAGE);
      expect(retry.body.errors?.[0]?.extensions?.committedAt).toBe(marked.committedAt?.toISOString());
      expect(retry.headers.get('retry-after')).toBeNull();
    }
    expect(await apiKeys()).toBe(before + 1);
    expect(await rowOf(wrote)).toMatchObject({ id: marked.id, response: null });
    // Other input under that key is still other input.
    expectRefused(await send(CREATE, createInput('else'), key(wrote), admin), 422, 'BAD_USER_INPUT', /other/);

    // Nothing written: released, and run once more.
    const again = await send(CREATE, createInput(''), key(wroteNothing), admin);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body).toEqual(refused.body);
    const settled = await rowOf(wroteNothing);
    expect(settled.id).not.toBe(unmarked.id);
    expect(settled.response).not.toBeNull();
    expect(await apiKeys()).toBe(before + 1);
  });
});

describe('the commit marker (RequestWork.markCommits), through Prisma', () => {
  const failures = (email: string) => api.db.prisma.loginFailure.count({ where: { email } });
  /** Prisma's queries run once awaited: awaited inside `run`, they are the request's. */
  const inRequest = <T>(work: RequestWork, query: () => PromiseLike<T>) => work.run(async () => await query());
  /** A key row as a claim leaves it, and a request that marks its commits on it. */
  async function claimed() {
    const { prisma } = api.db;
    const row = await prisma.idempotencyKey.create({
      data: { scope: 'test:marker', key: randomUUID(), requestHash: 'marker' },
    });
    const work = new RequestWork();
    work.markCommits(committedMarker(row.id));
    const committedAt = async () =>
      (await prisma.idempotencyKey.findUniqueOrThrow({ where: { id: row.id } })).committedAt;
    return { row, work, committedAt };
  }

  it('commits with a lone write, a batch and an interactive transaction, and only when they commit', async () => {
    const { prisma } = api.db;
    const email = `marker-${randomUUID()}@example.org`;
    const lone = await claimed();
    await inRequest(lone.work, () => prisma.loginFailure.create({ data: { email } }));
    expect(await lone.committedAt()).toBeInstanceOf(Date);
    expect(lone.work.committed).toBe(true);

    const batch = await claimed();
    await inRequest(batch.work, () =>
      prisma.$transaction([prisma.loginFailure.create({ data: { email } }), prisma.loginFailure.count()]),
    );
    expect(await batch.committedAt()).toBeInstanceOf(Date);

    const interactive = await claimed();
    await inRequest(interactive.work, () =>
      prisma.$transaction(async (tx) => {
        await tx.loginFailure.create({ data: { email } });
        await tx.loginFailure.create({ data: { email } });
      }),
    );
    expect(await interactive.committedAt()).toBeInstanceOf(Date);
    expect(await failures(email)).toBe(4);

    // Rolled back: neither the write nor the marker.
    const rolledBack = await claimed();
    await expect(
      inRequest(rolledBack.work, () =>
        prisma.$transaction(async (tx) => {
          await tx.loginFailure.create({ data: { email } });
          throw new Error('changed my mind');
        }),
      ),
    ).rejects.toThrow('changed my mind');
    expect(await rolledBack.committedAt()).toBeNull();
    expect(rolledBack.work.committed).toBe(false);
    // A lone write the server refuses (a duplicate id): neither, and its error is Prisma's as before.
    const id = randomUUID();
    await prisma.loginFailure.create({ data: { email, id } });
    await expect(
      inRequest(rolledBack.work, () => prisma.loginFailure.create({ data: { email, id } })),
    ).rejects.toMatchObject({
      code: 'P2002',
    });
    expect(await rolledBack.committedAt()).toBeNull();
    expect(await failures(email)).toBe(5);

    // Reads commit nothing, so mark nothing.
    const reads = await claimed();
    await inRequest(reads.work, () => prisma.loginFailure.count({ where: { email } }));
    expect(await reads.committedAt()).toBeNull();
    // A request without a marker writes as before.
    const plain = new RequestWork();
    await inRequest(plain, () => prisma.loginFailure.create({ data: { email } }));
    expect(plain.committed).toBe(true);
    expect(await failures(email)).toBe(6);
  });

  it('costs one UPDATE per committed transaction, and a BEGIN and COMMIT more per lone write; nothing without a marker', async () => {
    const { prisma } = api.db;
    const email = `marker-${randomUUID()}@example.org`;
    // What each connection sends to the server: pg's own Client.query, under the pool's subclass.
    const probe = await api.db.pool.connect();
    const sender = Object.getPrototypeOf(Object.getPrototypeOf(probe)) as { query: (config: unknown) => unknown };
    probe.release();
    const sent = async (work: RequestWork, query: () => PromiseLike<unknown>) => {
      const spy = vi.spyOn(sender, 'query');
      try {
        await inRequest(work, query);
        return spy.mock.calls.map(([config]) =>
          typeof config === 'string' ? config : (config as { text: string }).text,
        );
      } finally {
        spy.mockRestore();
      }
    };
    const lone = () => prisma.loginFailure.create({ data: { email } });
    const interactive = () =>
      prisma.$transaction(async (tx) => {
        await tx.loginFailure.create({ data: { email } });
        await tx.loginFailure.count({ where: { email } });
      });
    const marker = (await claimed()).work.commitMarker!.text;

    const plainLone = await sent(new RequestWork(), lone);
    const markedLone = await sent((await claimed()).work, lone);
    expect(plainLone).toHaveLength(1);
    expect(markedLone).toEqual(['BEGIN', ...plainLone, marker, 'COMMIT']);

    const plainTransaction = await sent(new RequestWork(), interactive);
    const markedTransaction = await sent((await claimed()).work, interactive);
    expect(plainTransaction.at(-1)).toBe('COMMIT');
    expect(markedTransaction).toEqual([...plainTransaction.slice(0, -1), marker, 'COMMIT']);
    console.log(
      `statements sent: a lone write ${plainLone.length} without a marker, ${markedLone.length} with; a transaction ${plainTransaction.length} without, ${markedTransaction.length} with`,
    );
  });

  it('rolls the write back when its row is gone (a key released while its request still ran)', async () => {
    const { prisma } = api.db;
    const email = `marker-${randomUUID()}@example.org`;
    const released = await claimed();
    await prisma.idempotencyKey.delete({ where: { id: released.row.id } });
    await expect(inRequest(released.work, () => prisma.loginFailure.create({ data: { email } }))).rejects.toThrow(
      CommitMarkerMissingError,
    );
    await expect(
      inRequest(released.work, () => prisma.$transaction(async (tx) => tx.loginFailure.create({ data: { email } }))),
    ).rejects.toThrow(CommitMarkerMissingError);
    expect(await failures(email)).toBe(0);
    expect(released.work.committed).toBe(false);
    // The connections were left clean: the next statements run as usual.
    expect(await prisma.loginFailure.count({ where: { email } })).toBe(0);
    await prisma.loginFailure.create({ data: { email } });
    expect(await failures(email)).toBe(1);
  });
});

describe('requests the header does not apply to', () => {
  it('answers queries as without it, and records nothing', async () => {
    const before = await api.db.prisma.idempotencyKey.count();
    const query = '{ viewer { kind } }';
    const plain = await send(query, {}, {}, admin);
    for (const header of [key(randomUUID()), key('')]) {
      const sent = await send(query, {}, header, admin);
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual(plain.body);
      expect(sent.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await api.db.prisma.idempotencyKey.count()).toBe(before);
  });

  it('records nothing for a mutation sent without it: each one runs', async () => {
    const before = await api.db.prisma.idempotencyKey.count();
    const keysBefore = await apiKeys();
    const first = await send(CREATE, createInput('no header'), {}, admin);
    const second = await send(CREATE, createInput('no header'), {}, admin);
    expect(second.body.data.apiKeyCreate.secret).not.toBe(first.body.data.apiKeyCreate.secret);
    expect(await apiKeys()).toBe(keysBefore + 2);
    expect(await api.db.prisma.idempotencyKey.count()).toBe(before);
  });
});
