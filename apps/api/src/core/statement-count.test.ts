import { EXAMPLE_PROGRAM_ID } from '@seminarhub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/testkit.ts';

/**
 * No N+1: the statements a nested list query sends must not grow with the rows it returns. Every
 * statement any pg client sends is counted while one query runs.
 */
let api: TestApi;
let counting = false;
let statements = 0;

const NESTED = `query($n: Int) { seminars(first: $n) { totalCount nodes {
  title
  program { title }
  sessions(first: 10) { totalCount nodes {
    title startsAtLocal
    hostOrganization { name }
    speakers { role person { fullName organization { name parent { name } } } }
  } }
} } }`;

beforeAll(async () => {
  api = await startTestApi();
  const { prisma } = api.db;
  const host = await prisma.organization.create({ data: { name: 'Host agency', type: 'AGENCY', countryCode: 'KR' } });
  const people = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      prisma.person.create({ data: { givenName: `Expert${i}`, familyName: 'Lecturer', organizationId: host.id } }),
    ),
  );
  // 50 published seminars, each with 3 sessions of 2 speakers: more than one page of everything.
  for (let s = 0; s < 50; s++) {
    const day = new Date(Date.UTC(2030, 0, 1 + s));
    await prisma.seminar.create({
      data: {
        programId: EXAMPLE_PROGRAM_ID,
        title: `Cohort ${s}`,
        startDate: day,
        endDate: day,
        timezone: 'Asia/Seoul',
        countryCode: 'KR',
        status: 'PUBLISHED',
        sessions: {
          create: Array.from({ length: 3 }, (_, k) => ({
            kind: 'LECTURE' as const,
            title: `Lecture ${s}.${k}`,
            startsAt: new Date(day.getTime() + k * 3_600_000),
            endsAt: new Date(day.getTime() + (k + 1) * 3_600_000),
            hostOrganizationId: host.id,
            speakers: {
              create: [0, 1].map((j) => ({ personId: (people[(s + k + j) % 5] as { id: string }).id, position: j })),
            },
          })),
        },
        enrollments: { create: [{ personId: (people[s % 5] as { id: string }).id, status: 'CONFIRMED' as const }] },
        proposals: {
          create: [
            {
              title: `Plan ${s}`,
              status: 'SUBMITTED' as const,
              members: { create: [{ personId: (people[s % 5] as { id: string }).id, role: 'LEAD' as const }] },
              reviews: {
                create: [
                  { reviewerId: (people[(s + 1) % 5] as { id: string }).id, recommendation: 'COMMEND' as const },
                ],
              },
              milestones: { create: [{ title: `Pilot ${s}`, dueDate: new Date('2027-01-15') }] },
              progressReports: { create: [{ monthsAfter: 3, dueDate: new Date('2027-01-15') }] },
            },
          ],
        },
      },
    });
  }
  // Every statement goes through a client checked out of this pool: count on each client.
  const wrapped = new WeakSet<object>();
  api.db.pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      if (counting) statements += 1;
      return query(...args);
    }) as typeof client.query;
  });
});
afterAll(() => api?.close());

async function statementsFor(n: number) {
  statements = 0;
  counting = true;
  const { data, errors } = await api.graphql(NESTED, { n });
  counting = false;
  expect(errors).toBeUndefined();
  expect(data.seminars.nodes).toHaveLength(n);
  for (const seminar of data.seminars.nodes) expect(seminar.sessions.nodes.length).toBeGreaterThan(0);
  return statements;
}

/** Staff see the other nested lists too: enrollments, proposals with their reviews and follow-up, per seminar. */
const STAFF = `query($n: Int) { programs(first: 5) { nodes { seminars(first: $n) { nodes {
  enrollments(first: 5) { totalCount nodes { status person { fullName } } }
  proposals(first: 2) { totalCount nodes { title members { person { fullName } } reviews(first: 5) { totalCount nodes { weightedScore } }
    milestones(first: 1) { totalCount nodes { title proposal { title } } }
    progressReports(first: 1) { totalCount nodes { monthsAfter milestone { title } } } } }
} } } } }`;

describe('statements per nested list query', () => {
  it('are the same for 5 and for 50 seminars', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    console.log(`statements: ${five} for 5 seminars, ${fifty} for 50 seminars`);
    expect(fifty).toBe(five);
    expect(five).toBeLessThan(15);
  });

  it('are the same for 5 and for 50 seminars with enrollments, proposals and reviews, as staff', async () => {
    const admin = await api.as('ADMIN');
    await admin.graphql('{ viewer { kind } }'); // the session's first use records it; not part of the count
    const count = async (n: number) => {
      statements = 0;
      counting = true;
      const { data, errors } = await admin.graphql(STAFF, { n });
      counting = false;
      expect(errors).toBeUndefined();
      const seminars = data.programs.nodes[0].seminars.nodes;
      expect(seminars).toHaveLength(n);
      for (const seminar of seminars) {
        expect(seminar.enrollments.totalCount).toBe(1);
        expect(seminar.proposals.nodes[0].reviews.totalCount).toBe(1);
        expect(seminar.proposals.nodes[0].members).toHaveLength(1);
        expect(seminar.proposals.nodes[0].milestones.totalCount).toBe(1);
        expect(seminar.proposals.nodes[0].progressReports.nodes).toHaveLength(1);
      }
      return statements;
    };
    const five = await count(5);
    const fifty = await count(50);
    console.log(`statements (staff): ${five} for 5 seminars, ${fifty} for 50 seminars`);
    expect(fifty).toBe(five);
  });
});
