import { createServer } from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from './generated/prisma/client.ts';
import { isDatabaseUnavailable } from './outage.ts';
import { openTestDatabase, type TestDatabase } from './testing/index.ts';

// What counts as an outage decides between a 503 to retry and a masked 500 worth a look: a statement
// the server refused must never pass for one. The errors are the real ones, from pg, Prisma and a
// real server, where this machine can produce them.
let db: TestDatabase;
let closedPort: number;
beforeAll(async () => {
  db = await openTestDatabase({ poolMax: 2, connectionTimeoutMs: 500 });
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => db?.close());

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('isDatabaseUnavailable', () => {
  it('holds for connections refused, from pg and through Prisma', async () => {
    const url = `postgres://postgres@127.0.0.1:${closedPort}/postgres`;
    const client = new pg.Client({ connectionString: url });
    const refused = await failure(() => client.connect());
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);

    const pool = new pg.Pool({ connectionString: url });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const wrapped = await failure(() => prisma.organization.count());
    expect(wrapped).toMatchObject({ code: 'P1001' });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    await prisma.$disconnect();
    await pool.end();
  });

  it('holds for a pool with no free connection in time, and for a session the server ended', async () => {
    const held = await Promise.all([db.pool.connect(), db.pool.connect()]);
    try {
      const starved = await failure(() => db.prisma.organization.count());
      expect(starved).toMatchObject({ message: expect.stringMatching(/^timeout exceeded when trying to connect/) });
      expect(isDatabaseUnavailable(starved)).toBe(true);
      // An interactive transaction that cannot get a connection within its maxWait: overload too.
      const unstarted = await failure(() => db.prisma.$transaction(async () => {}, { maxWait: 100 }));
      expect(unstarted).toMatchObject({
        message: expect.stringMatching(/Unable to start a transaction in the given time/),
      });
      expect(isDatabaseUnavailable(unstarted)).toBe(true);

      const [victim, killer] = held as [pg.PoolClient, pg.PoolClient];
      const pid = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      const ended = failure(() => victim.query('SELECT pg_sleep(5)'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await killer.query('SELECT pg_terminate_backend($1)', [pid]);
      const terminated = await ended;
      expect(terminated).toMatchObject({ code: '57P01' });
      expect(isDatabaseUnavailable(terminated)).toBe(true);
      victim.release(terminated as Error);
    } finally {
      held[1]?.release();
    }
  });

  it("holds for the server's own states of unavailability, by SQLSTATE", () => {
    for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001']) {
      const error = Object.assign(new pg.DatabaseError('unavailable', 0, 'error'), { code });
      expect({ code, unavailable: isDatabaseUnavailable(error) }).toEqual({ code, unavailable: true });
    }
  });

  it('does not hold for statements the server refused, nor for errors of the code', async () => {
    const syntax = await failure(() => db.pool.query('SELEC 1'));
    expect(syntax).toMatchObject({ code: '42601' });
    expect(isDatabaseUnavailable(syntax)).toBe(false);

    const data = { givenName: 'Twice', familyName: 'Over', email: `twice-${Date.now()}@outage.example` };
    await db.prisma.person.create({ data });
    const duplicate = await failure(() => db.prisma.person.create({ data }));
    expect(duplicate).toMatchObject({ code: 'P2002' });
    expect(isDatabaseUnavailable(duplicate)).toBe(false);

    const cancelled = await failure(() => db.pool.query("SET LOCAL statement_timeout = '10ms'; SELECT pg_sleep(1)"));
    expect(cancelled).toMatchObject({ code: '57014' });
    expect(isDatabaseUnavailable(cancelled)).toBe(false);

    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
