import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationFor } from '../../test/operation-for.ts';
import { rowCounts as countRows } from '../../test/row-counts.ts';
import { startTestApi, type TestApi } from '../../test/testkit.ts';
import { generateSecret, hashSecret, SESSION_TOKEN_PREFIX } from '../core/auth/tokens.ts';
import { ERROR_CODES } from '../core/errors.ts';
import { NODE_LOADERS } from '../core/node.ts';
import { toGlobalId } from '../core/node-id.ts';
import { encodeCursor } from '../core/pagination.ts';
import { getSchema } from '../schema.ts';

/**
 * Property-based fuzz of the variables of every root operation (security reference, items 15 and 18): each
 * Query and Mutation field gets an operation taking all its arguments as variables, declared with
 * their own types, and fast-check fills them with hostile values. Each value is sent over HTTP as
 * anonymous and as an administrator. Whatever comes in, the server answers below 500, in JSON,
 * without stack traces, paths, SQL or ORM text, with only the catalogued error codes, and writes
 * nothing to the database.
 */

const SEED = 4242;
/** Runs per root field; each run sends two operations (anonymous and admin). */
const RUNS = 300;

const schema = await getSchema();
const rootFields = (['query', 'mutation'] as const).flatMap((kind) => {
  const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values((type as GraphQLObjectType).getFields()).map((field) => ({ kind, field }));
});

/** Internals a client must never see: stack frames, file paths, SQL, ORM names, driver errors. */
const LEAK =
  /\bat [^"]+\.(ts|js):\d+|node_modules|prisma|SELECT |INSERT |UPDATE |DELETE |syntax error at or near|ECONNREFUSED|stacktrace|invalid input syntax|invalid byte sequence|violates .{0,80}constraint|duplicate key|index row size|out of range for type/gi;

/** Tables a field may write for any caller: `login` records failed sign-ins, and nothing else may. */
const WRITES_FOR_ANYONE: Record<string, string[]> = { login: ['LoginFailure'] };

/**
 * Admin mutations that legitimately write rows when a generated input happens to be valid (a random
 * but acceptable key name, a fresh email, real programme IDs): their admin runs may change these
 * tables, and only these; their anonymous runs may not. Every other field, whoever calls it, must
 * leave every table's row count as it was. A new admin mutation that creates rows fails its check
 * by name until it is listed here.
 */
const WRITES_FOR_ADMIN: Record<string, string[]> = {
  apiKeyCreate: ['ApiKey', 'AuditEvent'],
  userCreate: ['User', 'AuditEvent'],
  coordinatorAssignmentsSet: ['ProgramCoordinator', 'SeminarCoordinator', 'AuditEvent'],
  // A valid random password for a real account is a reset: recorded, and its failed sign-ins forgotten.
  userPasswordReset: ['AuditEvent', 'LoginFailure'],
  // A real person's ID links them, and a demotion drops the coordinator's assignments.
  userUpdate: ['ProgramCoordinator', 'SeminarCoordinator', 'AuditEvent'],
  // Each admin run signs out one of its spare sessions, and the trail records it.
  logout: ['AuditEvent'],
  // Valid random names and codes really do record organizations, each with its audit event.
  organizationCreate: ['Organization', 'AuditEvent'],
  organizationUpdate: ['Organization', 'AuditEvent'],
  organizationDelete: ['Organization', 'AuditEvent'],
  // Valid random codes and names with real organization IDs really do record programmes and places.
  programCreate: ['Program', 'AuditEvent'],
  programUpdate: ['AuditEvent'],
  programDelete: ['Program', 'ReviewCriterion', 'ProgramCoordinator', 'AuditEvent'],
  placeCreate: ['Place', 'AuditEvent'],
  placeUpdate: ['AuditEvent'],
  placeDelete: ['Place', 'AuditEvent'],
  seminarCreate: ['Seminar', 'AuditEvent'],
  seminarUpdate: ['AuditEvent'],
  seminarPublish: ['AuditEvent'],
  seminarStart: ['AuditEvent'],
  seminarComplete: ['AuditEvent'],
  seminarCancel: ['AuditEvent'],
  seminarDelete: ['Seminar', 'SeminarCoordinator', 'AuditEvent'],
  sessionCreate: ['Session', 'SessionSpeaker', 'AuditEvent'],
  sessionUpdate: ['SessionSpeaker', 'AuditEvent'],
  sessionDelete: ['Session', 'SessionSpeaker', 'AuditEvent'],
  proposalCreate: ['Proposal', 'ProposalMember', 'AuditEvent'],
  proposalUpdate: ['AuditEvent'],
  proposalMemberAdd: ['ProposalMember', 'AuditEvent'],
  proposalMemberRemove: ['ProposalMember', 'AuditEvent'],
  proposalMemberRoleSet: ['AuditEvent'],
  proposalDelete: ['Proposal', 'ProposalMember', 'AuditEvent'],
  proposalSubmit: ['ProposalDecision', 'AuditEvent'],
  proposalStartReview: ['ProposalDecision', 'AuditEvent'],
  proposalRequestRevision: ['ProposalDecision', 'AuditEvent'],
  proposalCommend: ['ProposalDecision', 'AuditEvent'],
  proposalSelectForSupport: ['ProposalDecision', 'AuditEvent'],
  proposalDecline: ['ProposalDecision', 'AuditEvent'],
  proposalStartImplementation: ['ProposalDecision', 'ProgressReport', 'AuditEvent'],
  proposalComplete: ['ProposalDecision', 'AuditEvent'],
  milestoneCreate: ['Milestone', 'AuditEvent'],
  milestoneUpdate: ['AuditEvent'],
  milestoneDelete: ['Milestone', 'AuditEvent'],
  milestoneStart: ['AuditEvent'],
  milestoneComplete: ['AuditEvent'],
  milestoneMiss: ['AuditEvent'],
  progressReportCreate: ['ProgressReport', 'AuditEvent'],
  progressReportUpdate: ['AuditEvent'],
  progressReportSubmit: ['AuditEvent'],
  progressReportReview: ['AuditEvent'],
  progressReportDelete: ['ProgressReport', 'AuditEvent'],
  attendanceMark: ['Attendance', 'AuditEvent'],
  // Only authors change feedback; staff may delete it, when a generated ID names some.
  feedbackDelete: ['Feedback', 'AuditEvent'],
  reviewAssign: ['ReviewAssignment', 'AuditEvent'],
  reviewUnassign: ['ReviewAssignment', 'AuditEvent'],
  reviewCriterionCreate: ['ReviewCriterion', 'AuditEvent'],
  reviewCriterionUpdate: ['AuditEvent'],
  reviewCriterionDelete: ['ReviewCriterion', 'AuditEvent'],
  personCreate: ['Person', 'AuditEvent'],
  personUpdate: ['AuditEvent'],
  personDelete: ['Person', 'AuditEvent'],
  enrollmentApply: ['Enrollment', 'AuditEvent'],
  enrollmentUpdate: ['AuditEvent'],
  enrollmentsApply: ['Enrollment', 'AuditEvent'],
  enrollmentsTransition: ['AuditEvent'],
  enrollmentAccept: ['AuditEvent'],
  enrollmentWaitlist: ['AuditEvent'],
  enrollmentReject: ['AuditEvent'],
  enrollmentConfirm: ['AuditEvent'],
  enrollmentWithdraw: ['AuditEvent'],
  enrollmentComplete: ['AuditEvent'],
  enrollmentMarkNoShow: ['AuditEvent'],
};

// ---------------------------------------------------------------------------------------------
// Hostile values

/** A JSON token written as is into the request body: numbers JSON.stringify cannot produce. */
class RawJson {
  constructor(readonly text: string) {}
}
const RAW_MARK = `raw${Math.random().toString(36).slice(2)}`;

function serialize(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value) =>
    value instanceof RawJson ? `${RAW_MARK}:${raws.push(value.text) - 1}` : value,
  );
  return text.replace(new RegExp(`"${RAW_MARK}:(\\d+)"`, 'g'), (_match, index) => raws[Number(index)] as string);
}

/** An object with exactly these own keys, `__proto__` included, as JSON.parse would build it. */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  "' OR 1=1--",
  "' OR '1'='1",
  '"; DROP TABLE "User"; --',
  "1; UNION SELECT password FROM 'User'--",
  '{"$gt":""}',
  '{"$ne":null}',
  '%',
  '_',
  '%00',
  '\\',
  '\\x00',
  '"',
  "'",
  '`',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j-style lookup, as data
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '\ud800',
  '\udfff',
  '\u202e',
  '\ufeff',
  '\r\n\r\nX-Injected: 1',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '1e999',
  '-0',
  '__proto__',
  'constructor',
  'toString',
  'ADMIN',
  'admin@example.org',
  'İ',
  'ß',
  '😀',
];

/** 1,000 to 10,000 characters, of one hostile unit repeated. */
const longString = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('a', '\u0000', "' OR 1=1--", 'é', '😀', '\u202e', '\ud800', '%', ' '),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
    ),
    fc.constantFrom(1_000, 4_096, 9_999, 10_000),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const uuid = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '------------------------------------',
    '0000000000000000000000000000000000-0',
  ),
);

/** Cursors of the right shape (base64url of `[{v|d}, id]`) with wrong or hostile contents. */
const cursorShaped = fc.oneof(
  fc
    .tuple(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.date({ noInvalidDate: true })), fc.uuid())
    .map(([value, id]) => encodeCursor(value, id)),
  fc
    .tuple(
      fc.oneof(
        fc.record({ v: fc.jsonValue({ maxDepth: 2 }) }),
        fc.record({ d: fc.oneof(fc.string(), fc.constantFrom('2024-02-30', '+275760-09-13T00:00:00.000Z')) }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      fc.oneof(uuid, fc.string()),
    )
    .map((cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')),
);

const TYPE_NAMES = [
  ...Object.keys(NODE_LOADERS),
  'Node',
  'Query',
  'Mutation',
  'Viewer',
  'LoginFailure',
  'AuthSession',
  'user',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  "User' OR 1=1--",
];

/** Filled in beforeAll: global IDs of real rows, each under its own type name. */
const realIds: { uuids: string[]; globalIds: string[] } = { uuids: [], globalIds: [] };
/** One of a list filled only once the database is up (fc.constantFrom needs its values now). */
const oneOfLater = (list: string[]) => fc.nat().map((index) => list[index % list.length] as string);

/** IDs: real ones, real rows under other types' names, random UUIDs, broken base64 and plain junk. */
const globalId = fc.oneof(
  { weight: 2, arbitrary: oneOfLater(realIds.globalIds) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...TYPE_NAMES), fc.oneof(uuid, oneOfLater(realIds.uuids)))
      .map(([typeName, id]) => toGlobalId(typeName, id)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...TYPE_NAMES), fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string()))
      .map(([typeName, id]) => toGlobalId(typeName, id)),
  },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 120 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,120}$/) },
);

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 64 }) },
  { weight: 2, arbitrary: longString },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 2, arbitrary: cursorShaped },
  { weight: 1, arbitrary: globalId },
);

const hostileNumber = fc.oneof(
  { weight: 3, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -1,
      1,
      100,
      101,
      -2_147_483_648,
      2_147_483_647,
      2_147_483_648,
      -2_147_483_649,
      2 ** 53,
      -(2 ** 53),
      Number.MAX_SAFE_INTEGER + 2,
      1e21,
      1e308,
      -1e308,
      -0,
      0.5,
      1.0000001,
      Number.MIN_VALUE,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new RawJson('1e999'),
      new RawJson('-1e999'),
      new RawJson('123456789012345678901234567890'),
      new RawJson('1E2'),
      new RawJson('-0.0'),
      new RawJson('1.0'),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('1', '0x10', 'NaN', 'Infinity', '-Infinity', '1e3', ' 1', '') },
);

const dateLike = fc.oneof(
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom(
    '2099-01-01T00:00:00Z',
    '2099-01-01',
    '2030-13-45T99:99:99Z',
    '0000-01-01T00:00:00Z',
    '-271821-04-20T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '2099-12-31T23:59:59.999999999+14:00',
    '2024-02-30T00:00:00Z',
  ),
  fc.integer(),
);

/** Nested objects and arrays 10 to 1,000 levels deep. */
const deep = fc.tuple(fc.integer({ min: 10, max: 1_000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { a: value };
  return value;
});

/** Anything, regardless of the declared type. */
const wrongType = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deep },
  { weight: 2, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], { $gt: '' }, { $ne: null }, { not: null }) },
  // Not JSON at all: the body parser must answer 400.
  { weight: 1, arbitrary: fc.constantFrom(new RawJson('NaN'), new RawJson('Infinity'), new RawJson('0x10')) },
);

/** Strings that look like what an argument of this name expects, so that more values get past the first check. */
function hintFor(name: string): fc.Arbitrary<unknown> | undefined {
  if (/^(after|before)$/.test(name)) return cursorShaped;
  if (/email/i.test(name)) {
    return fc.oneof(
      fc.emailAddress(),
      fc
        .tuple(fc.constantFrom(...NASTY_STRINGS, 'a'.repeat(320)), fc.emailAddress())
        .map(([nasty, email]) => `${nasty}${email}`),
    );
  }
  if (/password/i.test(name)) {
    return fc.oneof(
      fc.string({ unit: 'binary', minLength: 12, maxLength: 64 }),
      fc.constantFrom('a'.repeat(256), 'a'.repeat(257), `${'\u0000'.repeat(12)}`, "' OR 1=1-- padding", 'unusable'),
    );
  }
  return undefined;
}

/** Deeper than the server accepts (AND/OR/NOT nest at most 4 deep), so that its refusal is fuzzed too. */
const MAX_INPUT_DEPTH = 9;

/** Values for a declared input type: mostly well typed but hostile, sometimes null or of the wrong type. */
function valueFor(type: GraphQLInputType, depth = 0, name = ''): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  const hint = getNamedType(type).name === 'String' && !isListType(inner) ? hintFor(name) : undefined;
  return fc.oneof(
    ...(hint ? [{ weight: 16, arbitrary: hint }] : []),
    { weight: 16, arbitrary: typedValueFor(inner, depth) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongType },
  );
}

function typedValueFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return typedValueFor(type.ofType, depth);
  if (isListType(type)) {
    const item = valueFor(type.ofType, depth + 1);
    // Lists inside inputs (a filter's AND and OR) stay short, or nested filters would multiply.
    if (depth > 0) return fc.array(item, { maxLength: 3 });
    return fc.oneof(
      fc.array(item, { maxLength: 10 }),
      // Around and over the 100-item limits of list arguments.
      fc.integer({ min: 99, max: 150 }).chain((length) => fc.array(item, { minLength: length, maxLength: length })),
      // A single value where a list is declared: GraphQL coerces it into a list of one.
      item,
    );
  }
  if (isInputObjectType(type)) {
    // Filters refer to themselves (AND, OR, NOT): past a few levels, an empty one ends the value.
    if (depth > MAX_INPUT_DEPTH) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record = recordOf(fields, depth + 1);
    return fc.oneof(
      { weight: 5, arbitrary: record },
      // Fields the type does not declare, prototype keys among them.
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            record,
            fc.array(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'unknownField', '$where', 'id'), wrongType), {
              minLength: 1,
              maxLength: 2,
            }),
          )
          .map(([values, extra]) => ownObject([...extra, ...Object.entries(values)])),
      },
    );
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((value) => value.name);
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.constantFrom(...names).map((name) => name.toLowerCase()) },
      { weight: 1, arbitrary: hostileString },
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String':
        return hostileString;
      case 'ID':
        return fc.oneof(
          { weight: 3, arbitrary: globalId },
          { weight: 1, arbitrary: hostileString },
          { weight: 1, arbitrary: fc.integer() },
        );
      case 'Int':
      case 'Float':
        return hostileNumber;
      case 'Boolean':
        return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1));
      case 'Date':
      case 'DateTime':
        return fc.oneof({ weight: 3, arbitrary: dateLike }, { weight: 1, arbitrary: hostileString });
      default:
        return fc.oneof(hostileString, hostileNumber, fc.jsonValue({ maxDepth: 2 }));
    }
  }
  return wrongType;
}

/**
 * An object of arguments or input fields: the required ones mostly present (so that most values
 * reach the resolvers), the optional ones present or not.
 */
function recordOf(
  fields: readonly { name: string; type: GraphQLInputType }[],
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, depth, field.name)]));
  const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
  const optional = fields.map((field) => field.name).filter((name) => !required.includes(name));
  const only = (names: string[]) =>
    fc.record(Object.fromEntries(names.map((name) => [name, model[name] as fc.Arbitrary<unknown>])), {
      requiredKeys: names,
    });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record(model, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
    // The required ones and a single optional one: arguments that exclude each other (`first` and
    // `last`, `after` and `before`) would otherwise stop most values before they reach the database.
    ...(optional.length > 0
      ? [{ weight: 3, arbitrary: fc.constantFrom(...optional).chain((name) => only([...required, name])) }]
      : []),
  );
}

/** The whole `variables` member: usually an object of the field's arguments, sometimes not an object at all. */
function variablesFor(field: GraphQLField<unknown, unknown>): fc.Arbitrary<unknown> {
  const declared = recordOf(field.args, 0);
  return fc.oneof(
    { weight: 12, arbitrary: declared },
    {
      weight: 2,
      arbitrary: fc
        .tuple(declared, fc.dictionary(fc.constantFrom('__proto__', 'undeclared', 'constructor'), wrongType))
        .map(([record, extra]) => ownObject([...Object.entries(extra), ...Object.entries(record)])),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

// ---------------------------------------------------------------------------------------------
// Sending and checking

interface Sent {
  field: string;
  actor: 'anonymous' | 'admin';
  status: number;
  codes: string[];
}

let api: TestApi;
let adminToken: string;
/** Sessions of a second administrator, one per `logout` run, since each logout revokes its own. */
let logoutTokens: string[];
let before: Record<string, number>;
const sent: Sent[] = [];
/**
 * Server errors: HTTP 5xx, or an INTERNAL_SERVER_ERROR inside a 200 (masked, so not a leak, but the
 * server failed on input it should have refused as BAD_USER_INPUT, and logged an error for it).
 */
const serverErrors: { field: string; actor: string; where: string }[] = [];
let fuzzStarted = 0;

const ALLOWED_CODES = new Set<string>(ERROR_CODES);

async function send(
  field: string,
  query: string,
  variables: unknown,
  actor: 'anonymous' | 'admin',
  token?: string,
): Promise<void> {
  const body = serialize({ query, variables });
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  const text = await response.text();
  const where = `${actor} ${field}: HTTP ${response.status}, request ${body.slice(0, 300)}${explain(variables)}\n  response ${text.slice(0, 500)}`;

  let parsed: { errors?: { extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`the body is not JSON: ${where}`);
  }
  const codes = (parsed.errors ?? []).map((error) => String(error.extensions?.code));
  sent.push({ field, actor, status: response.status, codes });
  if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) serverErrors.push({ field, actor, where });

  if (response.status >= 500) throw new Error(`server error: ${where}`);
  if (!response.headers.get('content-type')?.includes('json')) throw new Error(`not a JSON content type: ${where}`);
  // Error messages may quote the input back (e.g. "… is not a valid ID"): a suspicious word counts
  // as a leak only when the request did not carry it.
  const requestText = body.toLowerCase();
  for (const match of text.matchAll(LEAK)) {
    if (!requestText.includes(match[0].toLowerCase())) throw new Error(`leaks "${match[0]}": ${where}`);
  }
  for (const code of codes) {
    if (!ALLOWED_CODES.has(code)) throw new Error(`an error code outside the catalogue (${code}): ${where}`);
  }
}

/** Shows what cursors and IDs among the variables decode to, since the server decodes them too. */
function explain(variables: unknown): string {
  if (typeof variables !== 'object' || variables === null) return '';
  const decoded: string[] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{8,}$/.test(value)) continue;
    const text = Buffer.from(value, 'base64url').toString('utf8');
    if (/^[\x20-\x7e]+$/.test(text)) decoded.push(`$${name} decodes to ${text.slice(0, 200)}`);
  }
  return decoded.length > 0 ? ` (${decoded.join('; ')})` : '';
}

/** Row counts of every table of the public schema, in one statement. */
const rowCounts = () => countRows(api.db);

function without(counts: Record<string, number>, tables: readonly string[]): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([table]) => !tables.includes(table)));
}

/** Rows added (or, negative, removed) by legitimate admin writes, for the log. */
const legitimateWrites: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  // Real rows, taken before the fuzzing actors exist, so that no generated ID names an actor (an
  // admin fuzz of userUpdate must not sign out the admin that sends it).
  for (const typeName of Object.keys(NODE_LOADERS)) {
    const { rows } = await api.db.pool.query<{ id: string }>(
      `SELECT id::text AS id FROM "${typeName}" ORDER BY id LIMIT 3`,
    );
    for (const { id } of rows) {
      realIds.uuids.push(id);
      realIds.globalIds.push(toGlobalId(typeName, id));
    }
  }
  expect(realIds.globalIds.length).toBeGreaterThan(10);
  const admin = await api.as('ADMIN');
  adminToken = admin.token;
  const logoutAdmin = await api.as('ADMIN');
  logoutTokens = Array.from({ length: RUNS + 20 }, () => generateSecret(SESSION_TOKEN_PREFIX));
  await api.db.prisma.authSession.createMany({
    data: logoutTokens.map((token) => ({
      userId: logoutAdmin.userId,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + 3_600_000),
    })),
  });
  // Taken after the actors exist: from here on, only the writes listed above may change a count.
  before = await rowCounts();
  fuzzStarted = performance.now();
});
afterAll(() => api?.close());

describe('fuzzing the variables of every root field', () => {
  it('covers every Query and Mutation field', () => {
    expect(rootFields.length).toBeGreaterThanOrEqual(15);
    expect(rootFields.map(({ field }) => field.name)).toEqual(
      expect.arrayContaining(['node', 'login', 'apiKeyCreate']),
    );
  });

  for (const { kind, field } of rootFields) {
    const query = operationFor(kind, field, 'Fuzz_');
    it(`${kind} ${field.name}: answers hostile variables below 500, in JSON, without internals, writing nothing`, async () => {
      // Anonymous first, then admin, each with the same seed, hence the same generated values.
      for (const actor of ['anonymous', 'admin'] as const) {
        let logouts = 0;
        const start = await rowCounts();
        await fc.assert(
          fc.asyncProperty(variablesFor(field), async (variables) => {
            // logout revokes the session it is sent with, so each admin logout gets a fresh one.
            const token =
              actor === 'anonymous'
                ? undefined
                : field.name === 'logout'
                  ? (logoutTokens[Math.min(logouts++, logoutTokens.length - 1)] as string)
                  : adminToken;
            await send(field.name, query, variables, actor, token);
          }),
          { seed: SEED, numRuns: RUNS },
        );
        const end = await rowCounts();
        const mayWrite = [
          ...(WRITES_FOR_ANYONE[field.name] ?? []),
          ...(actor === 'admin' ? (WRITES_FOR_ADMIN[field.name] ?? []) : []),
        ];
        expect(without(end, mayWrite), `row counts after ${actor} ${field.name}`).toEqual(without(start, mayWrite));
        for (const table of mayWrite) {
          const delta = (end[table] ?? 0) - (start[table] ?? 0);
          if (delta !== 0) legitimateWrites.push(`${actor} ${field.name}: ${table} ${delta > 0 ? '+' : ''}${delta}`);
        }
      }
      // 600 operations; lists with nested relation filters take half a minute on a quiet machine.
    }, 180_000);
  }

  it('wrote nothing over the whole run but failed sign-ins and legitimate admin creations', async () => {
    const after = await rowCounts();
    const excused = [...Object.values(WRITES_FOR_ANYONE).flat(), ...Object.values(WRITES_FOR_ADMIN).flat()];
    expect(without(after, excused)).toEqual(without(before, excused));
    console.log(`fuzz: legitimate writes: ${legitimateWrites.join('; ') || 'none'}`);
  });

  it('counted no server errors, not even masked ones', () => {
    const seconds = ((performance.now() - fuzzStarted) / 1000).toFixed(1);
    const tally = (keys: (string | number)[]) => {
      const counts = new Map<string | number, number>();
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      return [...counts].map(([key, count]) => `${key}: ${count}`).join(', ');
    };
    console.log(
      `fuzz: ${sent.length} operations, ${serverErrors.length} server errors (${rootFields.length} fields x ${RUNS} runs x 2 callers, seed ${SEED}, ${seconds} s)`,
    );
    console.log(`fuzz: HTTP statuses ${tally(sent.map(({ status }) => status).sort())}`);
    console.log(`fuzz: error codes ${tally(sent.flatMap(({ codes }) => codes).sort())}`);

    // One example per field and caller, then the count per field: the assertion names what to fix.
    const seen = new Set<string>();
    for (const { field, actor, where } of serverErrors) {
      if (seen.has(`${field} ${actor}`)) continue;
      seen.add(`${field} ${actor}`);
      console.log(`server error: ${where}`);
    }
    const perField = [...new Set(serverErrors.map(({ field }) => field))].map((field) => {
      const errors = serverErrors.filter((error) => error.field === field);
      return `${field}: ${errors.length} (${tally(errors.map(({ actor }) => actor))})`;
    });
    expect(perField, perField.join('; ')).toEqual([]);
  });
});
