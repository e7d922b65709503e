import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, startTestApi, type TestApi } from '../../test/testkit.ts';
import { LIMITS } from './limits.ts';
import { MAX_NODES } from './node-limit.ts';

/**
 * The attacks and faults of docs/reference security.md, items 1 to 23 (20 and 22 have files of
 * their own: rate-limit.test.ts and readiness.test.ts). Each asserts the rejection and that the
 * database is unchanged.
 */
let api: TestApi;
let admin: Actor;
/** Connections the server checked out of its pool: 0 means no SQL ran. */
let checkouts = 0;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
  api.db.pool.on('acquire', () => {
    checkouts += 1;
  });
});
afterAll(() => api?.close());

/** Row counts of every table: equal before and after means nothing was written. */
async function snapshot(): Promise<Record<string, number>> {
  const { rows } = await api.db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    counts[table_name] = Number((await api.db.pool.query(`SELECT count(*) FROM "${table_name}"`)).rows[0].count);
  }
  return counts;
}

/** Runs an attack and requires that it wrote nothing and, when `noSql`, ran no SQL either. */
async function unchanged<T>(attack: () => Promise<T>, { noSql = false } = {}): Promise<T> {
  const before = await snapshot();
  const checkoutsBefore = checkouts;
  const result = await attack();
  if (noSql) expect(checkouts - checkoutsBefore).toBe(0);
  expect(await snapshot()).toEqual(before);
  return result;
}

function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${api.url}/graphql`, { method: 'POST', headers, body });
}

const LEAK =
  /\bat .+\.(ts|js):\d+|node_modules|prisma|SELECT |INSERT |syntax error at or near|ECONNREFUSED|stacktrace/i;

function expectRejectedAtValidation(response: { status: number; data?: unknown; errors?: any[] }, message: RegExp) {
  expect(response.status).toBe(400);
  expect(response.data).toBeUndefined();
  expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(response.errors?.[0]?.message).toMatch(message);
}

describe('1. query depth along a cycle', () => {
  const nest = (levels: number, inner: string) =>
    Array.from({ length: levels }).reduce<string>((selection) => `parent { ${selection} }`, inner);

  it('rejects one level too deep, inline, through fragments, and through a fragment named __schema', async () => {
    const inline = `{ organizations(first: 1) { nodes { ${nest(LIMITS.depth, 'name')} } } }`;
    const viaFragment = `{ organizations(first: 1) { nodes { ...Deep } } } fragment Deep on Organization { ${nest(LIMITS.depth, 'name')} }`;
    const schemaNamed = `{ organizations(first: 1) { nodes { ...__schema } } } fragment __schema on Organization { ${nest(LIMITS.depth, 'name')} }`;
    for (const query of [inline, viaFragment, schemaNamed]) {
      const response = await unchanged(() => api.graphql(query), { noSql: true });
      expectRejectedAtValidation(response, /depth/i);
    }
  });

  it('accepts a deep but legitimate query', async () => {
    const response = await api.graphql(
      '{ seminars(first: 1) { nodes { sessions(first: 2) { nodes { speakers { person { organization { parent { name } } } } } } } } }',
    );
    expect(response.errors).toBeUndefined();
  });
});

describe('2. amount: page sizes and nested lists', () => {
  it('refuses page sizes outside 0..100 with BAD_USER_INPUT', async () => {
    for (const first of [99_999_999, -1]) {
      const response = await unchanged(() =>
        api.graphql('query($n: Int) { seminars(first: $n) { totalCount } }', { n: first }),
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it(`refuses nested lists that could return more than ${MAX_NODES} objects, also when sizes come in variables`, async () => {
    const query = `query($a: Int, $b: Int, $c: Int) { organizations(first: $a) { nodes {
      children(first: $b) { nodes { children(first: $c) { nodes { name } } } } } } }`;
    const response = await unchanged(() => api.graphql(query, { a: 100, b: 100, c: 100 }), { noSql: true });
    expectRejectedAtValidation(response, /could return up to 1010100 objects/);
    const small = await api.graphql(query, { a: 5, b: 5, c: 5 });
    expect(small.errors).toBeUndefined();
  });
});

describe('3. query cost', () => {
  it('rejects a wide query under the depth limit but over the cost limit, before running it', async () => {
    const wide = Array.from(
      { length: 14 },
      (_, i) => `s${i}: sessions(first: 100) { nodes { title kind startsAt endsAt } }`,
    ).join(' ');
    const response = await unchanged(() => api.graphql(`{ seminars(first: 10) { nodes { ${wide} } } }`), {
      noSql: true,
    });
    expectRejectedAtValidation(response, /cost|objects/i);
  });
});

describe('4 and 5. aliases', () => {
  it('rejects 101 aliases of a field', async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `a${i}: seminars(first: 1) { totalCount }`).join(' ');
    const response = await unchanged(() => api.graphql(`{ ${aliases} }`), { noSql: true });
    expectRejectedAtValidation(response, /aliases/i);
  });

  it('rejects 20 aliased sign-in attempts in one operation, recording none', async () => {
    const attempts = Array.from(
      { length: 20 },
      (_, i) => `a${i}: login(input: { email: "admin@example.org", password: "guess number ${i}" }) { token }`,
    ).join(' ');
    const response = await unchanged(() => api.graphql(`mutation { ${attempts} }`), { noSql: true });
    expectRejectedAtValidation(response, /aliases/i);
  });
});

describe('6. array batching', () => {
  it('answers a batch of 10 operations with 400, never 10 results', async () => {
    const response = await unchanged(() => post(JSON.stringify(Array(10).fill({ query: '{ __typename }' }))));
    expect(response.status).toBe(400);
    expect(Array.isArray(await response.json())).toBe(false);
  });
});

describe('7 and 10. duplicated fields and huge documents', () => {
  it('rejects 1000 repeats of a field at validation, and 2500 by the token limit, quickly', async () => {
    const started = performance.now();
    const thousand = await unchanged(() => api.graphql(`{ ${'__typename '.repeat(1000)} }`), { noSql: true });
    expect(thousand.status).toBe(400);
    expect(thousand.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const many = await unchanged(() => api.graphql(`{ ${'__typename '.repeat(2500)} }`), { noSql: true });
    expect(many.status).toBe(400);
    expect(many.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(many.errors?.[0]?.message).toMatch(/more that 2000 tokens/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a 1 MB query with 413 before parsing it', async () => {
    const response = await unchanged(() => post(JSON.stringify({ query: `{ ${'a '.repeat(500_000)} }` })), {
      noSql: true,
    });
    expect(response.status).toBe(413);
  });
});

describe('8. circular fragments', () => {
  it('answers a validation error at once', async () => {
    const response = await unchanged(
      () => api.graphql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
      { noSql: true },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('9. directive overloading', () => {
  it('rejects 100 directives on a field', async () => {
    const response = await unchanged(() => api.graphql(`{ __typename ${'@include(if: true) '.repeat(100)} }`), {
      noSql: true,
    });
    expectRejectedAtValidation(response, /directives/i);
  });
});

describe('11. huge variables and input arrays', () => {
  it('refuses 2 MB of variables with 413', async () => {
    const response = await unchanged(() =>
      post(
        JSON.stringify({ query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: 'x'.repeat(2_000_000) } }),
      ),
    );
    expect(response.status).toBe(413);
  });

  it('refuses an input list of 10,000 ids with BAD_USER_INPUT', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `id${i}`);
    const response = await unchanged(() => api.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }), {
      noSql: true,
    });
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'ids' });
  });
});

describe('12. exotic charsets', () => {
  it('answers a body declared as UTF-7 with 415', async () => {
    const response = await unchanged(
      () => post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json; charset=utf-7' }),
      { noSql: true },
    );
    expect(response.status).toBe(415);
    expect(await response.text()).not.toMatch(LEAK);
  });
});

describe('13. introspection in production', () => {
  it('is refused to anonymous callers and allowed to signed-in ones', async () => {
    const production = await startTestApi({ production: true });
    try {
      const anonymous = await production.graphql('{ __schema { types { name } } }');
      expect(anonymous.status).toBe(400);
      expect(anonymous.errors?.[0]?.message).toMatch(/Introspection is disabled/);
      const aliased = await production.graphql('{ t: __type(name: "Seminar") { name } }');
      expect(aliased.errors?.[0]?.message).toMatch(/Introspection is disabled/);
      const user = await production.as('PARTICIPANT');
      const allowed = await user.graphql('{ __schema { types { name } } }');
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data.__schema.types.length).toBeGreaterThan(20);
      // Outside production, GraphiQL may introspect without signing in.
      expect((await api.graphql('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    } finally {
      await production.close();
    }
  });
});

describe('14. field suggestions', () => {
  it('does not suggest field names in errors', async () => {
    const response = await api.graphql('{ seminarz(first: 1) { totalCount } }');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean|seminars/);
  });
});

describe('15. error leakage', () => {
  it('answers hostile strings with typed errors and no internals', async () => {
    const hostile = ['\u0000', "' OR 1=1--", '{"$gt":""}', 'x'.repeat(50_000)];
    for (const value of hostile) {
      const responses = await unchanged(async () => [
        await api.graphql('query($id: ID!) { node(id: $id) { id } }', { id: value }),
        await api.graphql('query($c: String) { seminars(first: 1, after: $c) { totalCount } }', { c: value }),
      ]);
      for (const response of responses) {
        expect(response.status).toBeLessThan(500);
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(JSON.stringify(response)).not.toMatch(LEAK);
      }
    }
  });

  it('refuses a NUL byte in any text input without reaching the database', async () => {
    const response = await unchanged(
      () =>
        api.graphql(
          'mutation($e: String!) { login(input: { email: $e, password: "long enough password" }) { userErrors { code } } }',
          {
            e: 'admin\u0000@example.org',
          },
        ),
      { noSql: true },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/NUL/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const inline = await unchanged(
      // Signed in, the request reads its session; the guard stops it before anything else.
      () => admin.graphql('mutation { apiKeyCreate(input: { name: "a\\u0000b", scope: READ }) { apiKey { id } } }'),
    );
    expect(inline.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('16 and 17. CSRF and mutations over GET', () => {
  it('blocks simple cross-site requests: no content type, form posts, multipart', async () => {
    const mutation = JSON.stringify({ query: 'mutation { logout { revoked } }' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await unchanged(
        () => post(mutation, { 'content-type': contentType, authorization: `Bearer ${admin.token}` }),
        {
          noSql: false,
        },
      );
      expect(response.status).toBe(400);
    }
    const bare = await unchanged(() => fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`), {
      noSql: true,
    });
    expect(bare.status).toBe(400);
    // The session survived: nothing above signed it out.
    expect((await admin.graphql('{ viewer { kind } }')).data.viewer.kind).toBe('USER');
  });

  it('refuses a mutation over GET with 405, even with the preflight header', async () => {
    const query = encodeURIComponent('mutation { logout { revoked } }');
    const response = await unchanged(() =>
      fetch(`${api.url}/graphql?query=${query}`, {
        headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${admin.token}` },
      }),
    );
    expect(response.status).toBe(405);
    expect((await admin.graphql('{ viewer { kind } }')).data.viewer.kind).toBe('USER');
  });
});

describe('18. injection through arguments', () => {
  it('treats SQL and operator payloads in sign-in as data', async () => {
    for (const email of ["admin@example.org' OR '1'='1", '{"$ne":null}', 'x\'; DROP TABLE "User";--']) {
      const response = await api.graphql(
        'mutation($e: String!) { login(input: { email: $e, password: "whatever it is" }) { token userErrors { code } } }',
        { e: email },
      );
      expect(response.data.login).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    }
    expect(await api.db.prisma.user.count()).toBeGreaterThan(0);
  });
});

describe('19. objects of others through node(id:) and nested paths', () => {
  it("shows a participant another's enrollment exactly as a missing one", async () => {
    const enrollments = await api.db.prisma.enrollment.findMany({ take: 2, orderBy: { id: 'asc' } });
    const [mine, theirs] = enrollments;
    if (!mine || !theirs) throw new Error('the seed has enrollments');
    const participant = await api.as('PARTICIPANT', { personId: mine.personId });
    const toId = (id: string) => Buffer.from(`Enrollment:${id}`).toString('base64url');
    const missing = toId('00000000-0000-7000-8000-000000000000');
    const query = 'query($id: ID!) { node(id: $id) { id } }';
    const [own, other, none] = await Promise.all(
      [toId(mine.id), toId(theirs.id), missing].map((id) => participant.graphql(query, { id })),
    );
    expect(own?.data.node).toEqual({ id: toId(mine.id) });
    expect(other).toEqual(none);
    const nested = await participant.graphql(
      '{ seminars(first: 5) { nodes { enrollments(first: 100) { nodes { id } } } } }',
    );
    expect(nested.data.seminars.nodes[0].enrollments.nodes).toEqual([{ id: toId(mine.id) }]);
  });
});

describe('21. slow requests', () => {
  it('stops a request at its deadline and cancels its statement, returning the connection', async () => {
    const slow = await startTestApi({ requestTimeoutMs: 1000, database: { statementTimeoutMs: 1000 } });
    const blocker = await slow.db.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "Seminar" IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const response = await fetch(`${slow.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ seminars(first: 1) { totalCount } }' }),
      });
      const elapsed = performance.now() - started;
      expect([503, 200]).toContain(response.status);
      const body = await response.json();
      // The deadline's own 503, or the statement timeout's error when PostgreSQL is first.
      const codes =
        response.status === 503 ? ['SERVICE_UNAVAILABLE'] : ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'];
      expect(codes).toContain(body.errors[0].extensions.code);
      expect(JSON.stringify(body)).not.toMatch(LEAK);
      expect(elapsed).toBeLessThan(5000);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    // The cancelled statement's connection is back: the pool serves again at once.
    const after = await slow.graphql('{ seminars(first: 1) { totalCount } }');
    expect(after.data.seminars.totalCount).toBe(1);
    expect(slow.db.pool.waitingCount).toBe(0);
    await slow.close();
  });
});

describe('23. pool exhaustion', () => {
  it('fails the request beyond the pool after the connection timeout instead of hanging', async () => {
    const tight = await startTestApi({ database: { poolMax: 2, connectionTimeoutMs: 1000, statementTimeoutMs: 5000 } });
    const blocker = await tight.db.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "Seminar" IN ACCESS EXCLUSIVE MODE');
      // The blocker holds one of two connections; one request takes the other and waits on the lock.
      const waiting = tight.graphql('{ seminars(first: 1) { totalCount } }');
      await new Promise((done) => setTimeout(done, 200));
      const started = performance.now();
      const starved = await tight.graphql('{ seminars(first: 1) { totalCount } }');
      const elapsed = performance.now() - started;
      // An unavailable database, not a fault of the request: 503, for the client to retry.
      expect(starved.status).toBe(503);
      expect(starved.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(4000);
      await blocker.query('ROLLBACK');
      expect((await waiting).data.seminars.totalCount).toBe(1);
    } finally {
      blocker.release();
    }
    expect((await tight.graphql('{ seminars(first: 1) { totalCount } }')).data.seminars.totalCount).toBe(1);
    await tight.close();
  });
});
