import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { EXAMPLE_PROGRAM_ID, type SeminarStatus } from '@seminarhub/db';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';
import { toGlobalId } from '../core/node-id.ts';
import { getSchema } from '../schema.ts';
import { createServer, type Server } from '../server.ts';
import { OperationGenerator, type Pools } from './operations.ts';

/**
 * The fast read path against the reference resolvers: the same generated operations, sent as every
 * kind of viewer to two servers over one database (one compiles reads, the other runs every
 * resolver), must get the same status and the same JSON, errors included.
 */
const OPERATIONS = 520;
const SEED = 20261207;

let api: TestApi;
let reference: { server: Server; url: string; close(): Promise<void> };
const viewers: Record<string, string | undefined> = {};
let pools: Pools;

async function send(url: string, token: string | undefined, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

type Answer = Awaited<ReturnType<typeof send>>;

/**
 * Asserts that two answers agree. graphql-js lists field errors in the order they happen, so the
 * order of concurrent failures is a race between their resolvers: errors are compared as a set. Once
 * an error has nulled the whole answer, graphql-js stops waiting for the other root fields, so which
 * of their failures made it in is a race too: of two `data: null` answers, one's errors must be
 * among the other's. The fast path answers none of those itself: it hands them to the resolvers.
 */
function expectSameAnswer(context: object, actual: Answer, expected: Answer): void {
  const sorted = (answer: Answer) =>
    answer.body.errors
      ? {
          ...answer,
          body: { ...answer.body, errors: answer.body.errors.map((error: unknown) => JSON.stringify(error)).sort() },
        }
      : answer;
  const [left, right] = [sorted(actual), sorted(expected)];
  if (left.body.data === null && right.body.data === null && left.status === right.status) {
    const [fewer, more] = [left.body.errors ?? [], right.body.errors ?? []].sort((a, b) => a.length - b.length);
    expect({ ...context, errors: fewer.filter((error: string) => !more.includes(error)) }).toEqual({
      ...context,
      errors: [],
    });
    expect(fewer.length).toBeGreaterThan(0);
    return;
  }
  expect({ ...context, ...left }).toEqual({ ...context, ...right });
}

async function readPathCounts(): Promise<{ compiled: number; known: number; reference: number }> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const count = (path: string) =>
    Number(new RegExp(`seminarhub_graphql_read_path_total\\{path="${path}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { compiled: count('compiled'), known: count('known'), reference: count('reference') };
}

beforeAll(async () => {
  api = await startTestApi();
  const { prisma } = api.db;
  const server = await createServer({
    db: api.db,
    logger: pino({ level: 'silent' }),
    fastReads: false,
    rateLimit: { points: 100_000, anonymousPoints: 100_000, windowSeconds: 60 },
  });
  const http = server.app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  reference = {
    server,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    async close() {
      http.closeAllConnections();
      await new Promise((done) => http.close(done));
      await server.stop();
    },
  };

  // Beside the example seminar: seminars in every state and in zones with and without DST,
  // organizations in a hierarchy, people with and without personal details, texts with % and _.
  const agency = await prisma.organization.create({
    data: { name: 'Agency 50% Fund', acronym: 'AF', type: 'AGENCY', countryCode: 'KR' },
  });
  const ministry = await prisma.organization.create({
    data: {
      name: 'Ministry of_Digital',
      type: 'MINISTRY',
      countryCode: 'UZ',
      parentId: agency.id,
      website: 'https://gov.uz',
    },
  });
  const unit = await prisma.organization.create({
    data: { name: 'E-Gov Unit', type: 'MINISTRY', countryCode: 'UZ', parentId: ministry.id },
  });
  const program = await prisma.program.create({
    data: {
      code: 'P-2',
      title: 'Second programme',
      funderId: agency.id,
      implementerId: ministry.id,
      sector: 'Digital',
    },
  });
  const places = await Promise.all(
    ['Hall A', 'Site_Visit 1', 'Room 100%'].map((name, i) =>
      prisma.place.create({
        data: {
          name,
          city: i ? 'Tashkent' : 'Seoul',
          countryCode: i ? 'UZ' : 'KR',
          hostOrganizationId: i === 1 ? unit.id : null,
        },
      }),
    ),
  );
  const people = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      prisma.person.create({
        data: {
          givenName: ['Aziz', 'Min-ji', 'Dilnoza', 'Park'][i % 4] as string,
          familyName: `Expert_${i}`,
          jobTitle: i % 3 ? 'Lecturer' : null,
          organizationId: [agency.id, ministry.id, unit.id, null][i % 4] ?? null,
          email: i % 2 ? `p${i}@example.org` : null,
          phone: i % 3 ? `+998 90 ${i}` : null,
          birthYear: i % 2 ? 1980 + i : null,
          nationality: i % 2 ? 'UZ' : null,
          sex: i % 2 ? 'FEMALE' : 'UNDISCLOSED',
        },
      }),
    ),
  );
  const statuses: SeminarStatus[] = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'PUBLISHED'];
  const zones = ['Asia/Seoul', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Asia/Tashkent', 'Europe/Berlin'];
  const seminars = [];
  for (let s = 0; s < statuses.length; s++) {
    const start = new Date(Date.UTC(2026, 2 + s * 2, 1 + s));
    const seminar = await prisma.seminar.create({
      data: {
        programId: s % 2 ? program.id : EXAMPLE_PROGRAM_ID,
        partnerId: s % 3 ? ministry.id : null,
        code: s % 2 ? `C_${s}` : null,
        title: `Seminar ${s} ${['Digital', 'Gov 100%', 'Data_Policy'][s % 3]}`,
        startDate: start,
        endDate: new Date(start.getTime() + 10 * 86_400_000),
        timezone: zones[s] as string,
        city: s % 2 ? 'Tashkent' : null,
        countryCode: s % 2 ? 'UZ' : 'KR',
        capacity: s % 2 ? 20 : null,
        status: statuses[s] as SeminarStatus,
      },
    });
    seminars.push(seminar);
    for (let k = 0; k < 4; k++) {
      const startsAt = new Date(start.getTime() + k * 86_400_000 + 3_600_000 * (k + 1));
      await prisma.session.create({
        data: {
          seminarId: seminar.id,
          kind: (['LECTURE', 'SITE_VISIT', 'PANEL', 'CULTURAL_VISIT'] as const)[k] as 'LECTURE',
          title: `Session ${s}.${k} ${k % 2 ? 'Lecture' : 'Visit_%'}`,
          description: k % 2 ? 'Expert lecture' : null,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 5_400_000),
          placeId: (places[k % 4] ?? null)?.id ?? null,
          hostOrganizationId: k === 1 ? unit.id : null,
          language: k % 2 ? 'en' : null,
          speakers: {
            create: Array.from({ length: k % 3 }, (_, j) => ({
              personId: (people[(s + k + j) % people.length] as { id: string }).id,
              role: j ? ('MODERATOR' as const) : ('SPEAKER' as const),
              position: j,
            })),
          },
        },
      });
    }
  }
  const [participant, reviewerPerson] = people.slice(10) as unknown as [{ id: string }, { id: string }];
  await prisma.enrollment.create({
    data: { seminarId: (seminars[0] as { id: string }).id, personId: participant.id, status: 'CONFIRMED' },
  });
  const proposal = await prisma.proposal.create({
    data: {
      seminarId: (seminars[0] as { id: string }).id,
      title: 'Draft proposal',
      members: { create: [{ personId: (people[3] as { id: string }).id, role: 'LEAD' }] },
      reviewAssignments: { create: [{ reviewerId: reviewerPerson.id }] },
    },
  });
  expect(proposal.id).toBeTruthy();

  const admin = await api.as('ADMIN');
  viewers.anonymous = undefined;
  viewers.admin = admin.token;
  viewers.coordinator = (await api.as('COORDINATOR', { seminarIds: [(seminars[0] as { id: string }).id] })).token;
  viewers.programCoordinator = (await api.as('COORDINATOR', { programIds: [program.id] })).token;
  viewers.reviewer = (await api.as('REVIEWER', { personId: reviewerPerson.id })).token;
  viewers.participant = (await api.as('PARTICIPANT', { personId: participant.id })).token;
  const key = await admin.graphql<{ apiKeyCreate: { secret: string } }>(
    'mutation { apiKeyCreate(input: { name: "differential", scope: READ }) { secret } }',
  );
  viewers.apiKey = key.data.apiKeyCreate.secret;

  const ids: Record<string, string[]> = {};
  const add = (type: string, rows: { id: string }[]) => {
    ids[type] = rows.map((row) => toGlobalId(type, row.id));
  };
  add('Seminar', await prisma.seminar.findMany({ select: { id: true } }));
  add('Session', await prisma.session.findMany({ select: { id: true }, take: 20 }));
  add('Person', await prisma.person.findMany({ select: { id: true }, take: 30 }));
  add('Organization', await prisma.organization.findMany({ select: { id: true } }));
  add('Place', await prisma.place.findMany({ select: { id: true } }));
  add('Program', await prisma.program.findMany({ select: { id: true } }));
  const cursors: Record<string, string[]> = {};
  for (const [root, type, order] of [
    ['seminars', 'SeminarConnection', ''],
    ['seminars', 'SeminarConnection', '(orderBy: { field: TITLE })'],
    ['sessions', 'SessionConnection', ''],
    ['people', 'PersonConnection', ''],
    ['organizations', 'OrganizationConnection', ''],
  ] as const) {
    const answer = await send(reference.url, admin.token, `{ ${root}${order} { edges { cursor } } }`, {});
    cursors[type] = [
      ...(cursors[type] ?? []),
      ...answer.body.data[root].edges.map((edge: { cursor: string }) => edge.cursor),
    ];
  }
  pools = {
    ids,
    cursors,
    texts: [
      'Seminar',
      'sem',
      'Digital',
      '100%',
      '%',
      '_',
      'Data_Policy',
      'Lecture',
      'visit',
      'Expert_1',
      'Tashkent',
      'UZ',
      'C_1',
      'Ministry',
      'ministry of_',
    ],
    dates: ['2026-03-02', '2026-07-05', '2025-10-13', '2027-01-01'],
    instants: ['2026-03-02T00:00:00Z', '2026-07-05T12:00:00Z', '2025-10-13T00:00:00Z'],
  };
}, 120_000);

afterAll(async () => {
  await reference?.close();
  await api?.close();
});

describe('the fast read path', () => {
  it(`answers ${OPERATIONS} generated operations exactly as the resolvers do, for every viewer`, async () => {
    const generator = new OperationGenerator(await getSchema(), pools, SEED);
    const before = await readPathCounts();
    let compared = 0;
    let repeated = 0;
    for (let i = 0; i < OPERATIONS; i++) {
      const { query, variables } = generator.operation();
      await Promise.all(
        Object.entries(viewers).map(async ([viewer, token]) => {
          const [fast, slow] = await Promise.all([
            send(api.url, token, query, variables),
            send(reference.url, token, query, variables),
          ]);
          expectSameAnswer({ viewer, query, variables }, fast, slow);
          compared++;
          // Plans of viewers without an access scope are kept: the same operation again, from the
          // cache, and, when its first answer was data alone, without Apollo (known-reads.ts).
          if (i % 4 === 0 && ['anonymous', 'admin', 'apiKey'].includes(viewer)) {
            const again = await send(api.url, token, query, variables);
            expectSameAnswer({ viewer, query, variables }, again, slow);
            repeated++;
          }
        }),
      );
    }
    const after = await readPathCounts();
    const compiled = after.compiled - before.compiled;
    const fellBack = after.reference - before.reference;
    const known = after.known - before.known;
    console.log(
      `differential: ${OPERATIONS} operations x ${Object.keys(viewers).length} viewers = ${compared} comparisons; ` +
        `${compiled} answered by one compiled statement, ${fellBack} by the resolvers; ${repeated} sent again from the plan cache, ${known} of them without Apollo`,
    );
    expect(compared).toBe(OPERATIONS * Object.keys(viewers).length);
    // Most of them must have run on the fast path, or the comparison proves little.
    expect(compiled + known).toBeGreaterThan((compared + repeated) * 0.5);
    expect(known).toBeGreaterThan(repeated * 0.3);
  }, 600_000);
});
