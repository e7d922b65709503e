import {
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationFor } from '../../test/operation-for.ts';
import { rowCounts } from '../../test/row-counts.ts';
import { type Actor, startTestApi, type TestApi } from '../../test/testkit.ts';
import { toGlobalId } from '../core/node-id.ts';
import { getSchema } from '../schema.ts';
import { ANONYMOUS_MUTATIONS } from './anonymous-mutations.ts';
import { LIMITS } from './limits.ts';

/**
 * Input that no check used to catch reaches no resolver and writes nothing (issue 13, part 4):
 * bodies that are not UTF-8, lone surrogates, inputs nested past any walk's stack, dates PostgreSQL
 * cannot store, and anonymous mutations, which are refused before any ID is decoded.
 */

let api: TestApi;
let admin: Actor;
let programId: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.as('ADMIN');
  const program = await api.db.prisma.program.findFirstOrThrow();
  programId = toGlobalId('Program', program.id);
});
afterAll(() => api.close());

const ORGANIZATION_CREATE = `mutation ($input: OrganizationCreateInput!) {
  organizationCreate(input: $input) { organization { id name } userErrors { field message code } }
}`;

/** POSTs these bytes as the body, as a client with a broken encoder would. */
async function postBytes(body: Buffer | string, token = admin.token) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: any[] }) };
}

/** The body of an organizationCreate whose name is `nameJson` (raw JSON text, quotes included). */
function organizationBody(nameJson: string): string {
  return `{"query":${JSON.stringify(ORGANIZATION_CREATE)},"variables":{"input":{"name":${nameJson},"type":"AGENCY","countryCode":"UZ"}}}`;
}

/** Runs `send` and checks that no table of the database gained or lost a row. */
async function writesNothing<T>(send: () => Promise<T>): Promise<T> {
  const before = await rowCounts(api.db);
  const result = await send();
  expect(await rowCounts(api.db)).toEqual(before);
  return result;
}

describe('bodies that are not UTF-8', () => {
  const cases: [string, number[]][] = [
    ['an invalid byte (0xFF)', [0xff]],
    ['a truncated sequence (0xE2 0x82)', [0xe2, 0x82]],
    ['an overlong "/" (0xC0 0xAF)', [0xc0, 0xaf]],
    ['an overlong NUL (0xC0 0x80)', [0xc0, 0x80]],
    ['a surrogate encoded as UTF-8 (0xED 0xA0 0x80)', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF (0xF4 0x90 0x80 0x80)', [0xf4, 0x90, 0x80, 0x80]],
  ];
  it.each(cases)('refuses %s with 400 BAD_REQUEST and writes nothing', async (_what, bytes) => {
    const [head, tail] = organizationBody('"Agency MARK"').split('MARK') as [string, string];
    const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
    const answer = await writesNothing(() => postBytes(body));
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/not valid UTF-8/),
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(await api.db.prisma.organization.count({ where: { name: { startsWith: 'Agency ' } } })).toBe(0);
  });

  it('still takes the same body in valid UTF-8, multi-byte characters included', async () => {
    const answer = await postBytes(Buffer.from(organizationBody('"Agency Ўзбекистон 😀"')));
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({
      organizationCreate: { organization: { name: 'Agency Ўзбекистон 😀' }, userErrors: [] },
    });
  });
});

describe('lone surrogates in JSON strings', () => {
  it.each([
    ['a lone high surrogate', '"Agency \\ud800"'],
    ['a lone low surrogate', '"Agency \\udfff"'],
    ['a reversed pair', '"Agency \\ude00\\ud83d"'],
  ])('refuses %s in a variable with BAD_USER_INPUT naming its path', async (_what, name) => {
    const answer = await writesNothing(() => postBytes(organizationBody(name)));
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/\$input\.name.*lone surrogate/),
      extensions: { code: 'BAD_USER_INPUT', argument: '$input.name' },
    });
  });

  it('finds one deep inside a list', async () => {
    const answer = await writesNothing(() =>
      admin.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b', '\ud800'] }),
    );
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: '$ids.2' });
  });

  it('takes an escaped surrogate pair, which is one character', async () => {
    const answer = await postBytes(organizationBody('"Agency \\ud83d\\ude00 pair"'));
    expect(answer.data).toMatchObject({ organizationCreate: { organization: { name: 'Agency 😀 pair' } } });
  });

  it.each([
    ['a GraphQL escape', '{ organizations(search: "\\ud800") { totalCount } }'],
    ['a JSON escape inside the query text', '{ organizations(search: "\ud800") { totalCount } }'],
  ])('refuses a lone surrogate in the document, as %s, as a syntax error', async (_what, query) => {
    const answer = await admin.graphql(query);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

/** `{ "AND": [ … ] }` nested `pairs` times: two levels (an object and a list) per pair. */
function nestedFilter(pairs: number): unknown {
  let filter: unknown = { title: { contains: 'x' } };
  for (let level = 0; level < pairs; level += 1) filter = { AND: [filter] };
  return filter;
}

const SEMINARS = 'query ($filter: SeminarFilter) { seminars(filter: $filter) { totalCount } }';
const SEMINARS_IN = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';

describe('nesting', () => {
  it('refuses variables nested past LIMITS.inputDepth with BAD_USER_INPUT naming where', async () => {
    const answer = await api.graphql(SEMINARS, { filter: nestedFilter(LIMITS.inputDepth) });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(new RegExp(`more than ${LIMITS.inputDepth} levels deep`)),
      extensions: { code: 'BAD_USER_INPUT', argument: expect.stringMatching(/^\$filter\.AND\.0\.AND\.0\./) },
    });
  });

  it('refuses an argument literal nested past LIMITS.inputDepth the same way', async () => {
    let literal = '{ title: { contains: "x" } }';
    for (let level = 0; level < LIMITS.inputDepth / 2 + 1; level += 1) literal = `{ AND: [${literal}] }`;
    const answer = await api.graphql(`{ seminars(filter: ${literal}) { totalCount } }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/nests objects and lists more than/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  // Written as text: JSON.stringify itself recurses, and would overflow here in the test.
  it.each([
    [
      'a filter 5,000 levels deep',
      `${'{"AND":['.repeat(2_500)}{"title":{"contains":"x"}}${']}'.repeat(2_500)}`,
      SEMINARS,
    ],
    ['a list 45,000 levels deep', `${'['.repeat(45_000)}"x"${']'.repeat(45_000)}`, SEMINARS_IN],
  ])('refuses %s before parsing it, with 400, and keeps serving', async (_what, value, query) => {
    const name = query === SEMINARS ? 'filter' : 'ids';
    const body = `{"query":${JSON.stringify(query)},"variables":{"${name}":${value}}}`;
    const answer = await writesNothing(() => postBytes(body));
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`more than ${LIMITS.bodyDepth} levels deep`),
      extensions: { code: 'BAD_REQUEST' },
    });
    const after = await api.graphql(SEMINARS, { filter: nestedFilter(2) });
    expect(after.status).toBe(200);
  });

  it('refuses a body of 100,000 open brackets without a stack overflow', async () => {
    const answer = await postBytes('['.repeat(100_000));
    expect(answer.status).toBe(400);
    // Refused by the scan for its depth, not by the parser for being cut short.
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`more than ${LIMITS.bodyDepth} levels deep`),
      extensions: { code: 'BAD_REQUEST' },
    });
    const fine = await api.graphql('{ seminars(first: 1) { totalCount } }');
    expect(fine.status).toBe(200);
  });

  it('refuses deep mutation variables and writes nothing', async () => {
    let deep: unknown = 'Agency';
    for (let level = 0; level < 200; level += 1) deep = [deep];
    const answer = await writesNothing(() =>
      admin.graphql(ORGANIZATION_CREATE, { input: { name: deep, type: 'AGENCY', countryCode: 'UZ' } }),
    );
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: `$input.name${'.0'.repeat(LIMITS.inputDepth - 1)}`,
    });
  });

  it('still takes the deepest filter a list accepts', async () => {
    const answer = await api.graphql(SEMINARS, { filter: nestedFilter(4) });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
  });
});

const SEMINAR_CREATE = `mutation ($input: SeminarCreateInput!) {
  seminarCreate(input: $input) { seminar { id } userErrors { field message code } }
}`;

describe('dates PostgreSQL cannot store', () => {
  const seminar = (startDate: string, endDate = '2031-01-05') => ({
    input: { programId, title: 'Dates', startDate, endDate, timezone: 'Asia/Tashkent', countryCode: 'UZ' },
  });

  it.each(['0000-01-01', '0000-12-31'])('refuses the Date %s with BAD_USER_INPUT and writes nothing', async (date) => {
    const answer = await writesNothing(() => admin.graphql(SEMINAR_CREATE, seminar(date)));
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/years 0001 to 9999/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses a DateTime that falls in year 0 in UTC, even written with an offset', async () => {
    const answer = await writesNothing(() =>
      admin.graphql(
        `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret userErrors { field message } } }`,
        { input: { name: 'ancient', scope: 'READ', expiresAt: '0001-01-01T00:00:00+01:00' } },
      ),
    );
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/years 0001 to 9999/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses year 0 in a filter, a read, with 400 rather than a database error', async () => {
    const answer = await admin.graphql(
      'query ($from: DateTime) { auditEvents(filter: { from: $from }) { totalCount } }',
      { from: '0000-06-01T00:00:00Z' },
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('takes the edges of the range, 0001-01-01 and 9999-12-31', async () => {
    const answer = await admin.graphql(SEMINAR_CREATE, seminar('0001-01-01', '9999-12-31'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data.seminarCreate.userErrors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every mutation authenticates before it reads its arguments

const JUNK_ID = 'not-a-global-id';

/** A value of this type: junk for IDs, plausible for the rest, required input fields only plus every ID field. */
function junkFor(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return junkFor(type.ofType, depth);
  if (isListType(type)) return [junkFor(type.ofType, depth + 1)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isNonNullType(field.type) || (named.name === 'ID' && depth < 3))
        value[field.name] = junkFor(field.type, depth + 1);
    }
    return value;
  }
  switch (getNamedType(type).name) {
    case 'ID':
      return JUNK_ID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2030-01-01';
    case 'DateTime':
      return '2030-01-01T00:00:00Z';
    default:
      return 'x';
  }
}

const schema = await getSchema();
const mutations = Object.values((schema.getMutationType() as GraphQLObjectType).getFields());

function callOf(field: (typeof mutations)[number]) {
  const query = operationFor('mutation', field, 'Anonymous_');
  const variables = Object.fromEntries(field.args.map((arg) => [arg.name, junkFor(arg.type)]));
  return { query, variables };
}

describe('anonymous mutations', () => {
  it('walks every Mutation field of the schema: all but the anonymous ones answer UNAUTHENTICATED, 401', async () => {
    expect(mutations.length).toBeGreaterThan(70);
    const before = await rowCounts(api.db);
    const wrong: string[] = [];
    for (const field of mutations) {
      if (ANONYMOUS_MUTATIONS.has(field.name)) continue;
      const { query, variables } = callOf(field);
      const answer = await api.graphql(query, variables);
      const code = answer.errors?.[0]?.extensions?.code;
      if (answer.status !== 401 || code !== 'UNAUTHENTICATED' || answer.errors?.length !== 1) {
        wrong.push(`${field.name}: ${answer.status} ${code} ${answer.errors?.[0]?.message}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(api.db)).toEqual(before);
  });

  it('leaves login open, and answers it as before', async () => {
    expect([...ANONYMOUS_MUTATIONS]).toEqual(['login']);
    const answer = await api.graphql(
      'mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }',
      { input: { email: 'nobody@example.org', password: 'not the password at all' } },
    );
    expect(answer.status).toBe(200);
    expect(answer.data.login).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
  });

  it('refuses a protected field behind a fragment or beside login', async () => {
    for (const query of [
      'mutation { ...Out } fragment Out on Mutation { logout { revoked } }',
      'mutation { ... on Mutation { logout { revoked } } }',
      'mutation ($input: LoginInput!) { login(input: $input) { token } logout { revoked } }',
    ]) {
      const answer = await api.graphql(query, { input: { email: 'a@example.org', password: 'x'.repeat(12) } });
      expect(answer.status, query).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
    }
  });

  it('still reads junk IDs as BAD_USER_INPUT once the caller is signed in (the walk can tell)', async () => {
    const participant = await api.as('PARTICIPANT');
    const { query, variables } = callOf(mutations.find((field) => field.name === 'milestoneCreate') as never);
    const answer = await participant.graphql(query, variables);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
