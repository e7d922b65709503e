import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installSlowPlaceWrites } from '../../test/slow-writes.ts';
import { type Actor, startTestApi, type TestApi } from '../../test/testkit.ts';

const DEADLINE_MS = 100;

let api: TestApi;
let admin: Actor;
beforeAll(async () => {
  api = await startTestApi({ requestTimeoutMs: DEADLINE_MS });
  admin = await api.as('ADMIN');
  // The deadline falls before, inside and after each step of the transaction, by the place's name.
  await installSlowPlaceWrites(api.db.pool);
});
afterAll(() => api?.close());

const PLACE_CREATE = `mutation($input: PlaceCreateInput!) {
  placeCreate(input: $input) { place { id name } userErrors { field message } }
}`;

interface Answer {
  status: number;
  requestId: string;
  name: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  retryAfter: string | null;
}

async function createPlace(name: string, headers: Record<string, string> = {}): Promise<Answer> {
  const requestId = `deadline-${randomUUID()}`;
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${admin.token}`,
      'x-request-id': requestId,
      ...headers,
    },
    body: JSON.stringify({ query: PLACE_CREATE, variables: { input: { name, countryCode: 'UZ' } } }),
  });
  return {
    status: response.status,
    requestId,
    name,
    body: (await response.json()) as Answer['body'],
    retryAfter: response.headers.get('retry-after'),
  };
}

/** Sends again after each 503, as a client would, up to 5 times; logs how many it took. */
async function answered(send: () => Promise<Answer>): Promise<Answer> {
  let answer = await send();
  let attempts = 1;
  for (; answer.status === 503 && attempts < 5; attempts++) answer = await send();
  if (attempts > 1) console.log(`answered after ${attempts} attempts (503 before)`);
  return answer;
}

/** What each answer left behind: its place rows (by name) and its audit events (by request id). */
async function writtenBehind(answers: Answer[]) {
  const { prisma } = api.db;
  const places = await prisma.place.groupBy({
    by: ['name'],
    where: { name: { in: answers.map((a) => a.name) } },
    _count: true,
  });
  const audits = await prisma.auditEvent.groupBy({
    by: ['requestId'],
    where: { requestId: { in: answers.map((a) => a.requestId) } },
    _count: true,
  });
  const placeCount = new Map(places.map((p) => [p.name, p._count]));
  const auditCount = new Map(audits.map((a) => [a.requestId, a._count]));
  return answers.map((a) => ({ places: placeCount.get(a.name) ?? 0, audits: auditCount.get(a.requestId) ?? 0 }));
}

/** Lets whatever the stopped requests still do run out, well past the deadline's stop bound. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe('a request cut by its deadline', () => {
  it('answers 503 only when nothing was written: 60 creates, each 503 wrote nothing, each 200 once', async () => {
    const answers: Answer[] = [];
    const total = 60;
    // More at once than the pool's 5 connections: some wait for one.
    const concurrency = 6;
    for (let start = 0; start < total; start += concurrency) {
      const batch = Array.from({ length: Math.min(concurrency, total - start) }, (_, k) => {
        const i = start + k;
        // A third at once; the others 0 to 180 ms in the INSERT and 0 to 80 ms in the COMMIT,
        // so that the 100 ms deadline falls before, inside and after each step.
        const insert = i % 3 === 0 ? 0 : ((i * 7) % 10) * 0.02;
        const commit = i % 3 === 0 ? 0 : ((i * 3) % 5) * 0.02;
        return createPlace(`Deadline ${i} insert=${insert.toFixed(2)} commit=${commit.toFixed(2)}`);
      });
      answers.push(...(await Promise.all(batch)));
    }
    await settle();

    const written = await writtenBehind(answers);
    const stopped = answers.filter((a) => a.status === 503);
    const served = answers.filter((a) => a.status === 200);
    const writtenBehindStopped = written.filter((w, i) => answers[i]?.status === 503 && (w.places || w.audits));
    console.info(
      `${total} creates at a ${DEADLINE_MS} ms deadline: ${stopped.length} answered 503, ` +
        `${writtenBehindStopped.length} of them written; ${served.length} answered 200`,
    );
    expect(stopped.length + served.length).toBe(total);
    answers.forEach((answer, i) => {
      const behind = written[i];
      if (answer.status === 503) {
        expect({ name: answer.name, ...behind }).toEqual({ name: answer.name, places: 0, audits: 0 });
        expect(answer.retryAfter).toBe('1');
        expect(answer.body.errors?.[0]).toMatchObject({
          message: expect.stringMatching(/was stopped: nothing was written/),
          extensions: { code: 'SERVICE_UNAVAILABLE', requestId: answer.requestId },
        });
      } else {
        expect(answer.body.data.placeCreate.place.name).toBe(answer.name);
        expect({ name: answer.name, ...behind }).toEqual({ name: answer.name, places: 1, audits: 1 });
      }
    });
    // Both outcomes occur, or the test proves nothing.
    expect(stopped.length).toBeGreaterThanOrEqual(10);
    expect(served.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves no transaction open, on the server or on a pooled connection', async () => {
    await settle();
    const { rows } = await api.db.pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(rows[0]?.open).toBe(0);
    // Every connection the pool hands out starts afresh: inside a leftover transaction, now()
    // would be that transaction's start, not this statement's.
    const clients = await Promise.all(Array.from({ length: 5 }, () => api.db.pool.connect()));
    try {
      for (const client of clients) {
        const fresh = await client.query<{ fresh: boolean }>('SELECT now() = statement_timestamp() AS fresh');
        expect(fresh.rows[0]?.fresh).toBe(true);
      }
    } finally {
      for (const client of clients) client.release();
    }
  });

  it('stops a write waiting on a lock, and a retry with the same Idempotency-Key runs it once', async () => {
    // Another connection holds the lock the write needs, past the deadline.
    const holder = await api.db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE "Place" IN SHARE MODE');
      const idempotencyKey = randomUUID();
      const name = `Locked out ${idempotencyKey}`;
      const first = await createPlace(name, { 'idempotency-key': idempotencyKey });
      expect(first.status).toBe(503);
      await holder.query('ROLLBACK');
      await settle();
      expect(await writtenBehind([first])).toEqual([{ places: 0, audits: 0 }]);

      // The 503 forgot the key: the retry runs now, rather than a 409 until the row is released.
      // On a loaded machine a 100 ms deadline can cut the retry too; such a 503 wrote nothing
      // either (the count below says so), and retrying it is what a client does.
      const retry = await answered(() => createPlace(name, { 'idempotency-key': idempotencyKey }));
      expect(retry.status).toBe(200);
      expect(retry.body.data.placeCreate.place.name).toBe(name);
      const again = await answered(() => createPlace(name, { 'idempotency-key': idempotencyKey }));
      expect(again.body.data.placeCreate.place.id).toBe(retry.body.data.placeCreate.place.id);
      expect(await api.db.prisma.place.count({ where: { name } })).toBe(1);
    } finally {
      holder.release();
    }
  });
});
