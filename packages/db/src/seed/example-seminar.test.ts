import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyPendingMigrations } from '../migrations/engine.ts';
import { createEmptyDatabase } from '../testing/index.ts';
import { EXAMPLE_SEMINAR_ID, seedExampleSeminar } from './example-seminar.ts';

/** An empty database with the schema applied, as on a server's first start. */
async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await createEmptyDatabase();
  await applyPendingMigrations(database.url);
  return database;
}

const TABLES = [
  'Organization',
  'Place',
  'Person',
  'Program',
  'ReviewCriterion',
  'Seminar',
  'Session',
  'SessionSpeaker',
  'Enrollment',
  'Attendance',
  'Feedback',
  'Proposal',
  'ProposalMember',
  'ReviewAssignment',
  'Review',
  'ReviewScore',
  'ProposalDecision',
] as const;

describe('seedExampleSeminar', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let pool: pg.Pool;
  let prisma: PrismaClient;

  /** Every row of every seeded table, so that two snapshots are equal only if nothing changed. */
  const snapshot = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of TABLES) tables[table] = (await pool.query(`SELECT * FROM "${table}" ORDER BY id`)).rows;
    return tables;
  };

  /** The counts the example seminar promises. */
  const summary = async () => {
    const count = <T extends string>(rows: Array<Record<T, string> & { _count: { _all: number } }>, key: T) =>
      Object.fromEntries(rows.map((row) => [row[key], row._count._all]));
    return {
      organizations: await prisma.organization.count(),
      people: await prisma.person.count(),
      samplePeople: await prisma.person.count({ where: { isSample: true } }),
      places: await prisma.place.count(),
      sessionsByKind: count(await prisma.session.groupBy({ by: ['kind'], _count: { _all: true } }), 'kind'),
      speakers: await prisma.sessionSpeaker.count(),
      enrollmentsByStatus: count(await prisma.enrollment.groupBy({ by: ['status'], _count: { _all: true } }), 'status'),
      attendanceByStatus: count(await prisma.attendance.groupBy({ by: ['status'], _count: { _all: true } }), 'status'),
      feedback: await prisma.feedback.count(),
      proposalsByStatus: count(await prisma.proposal.groupBy({ by: ['status'], _count: { _all: true } }), 'status'),
      proposalMembers: await prisma.proposalMember.count(),
      reviews: await prisma.review.count(),
      reviewScores: await prisma.reviewScore.count(),
      decisionsByKind: count(await prisma.proposalDecision.groupBy({ by: ['kind'], _count: { _all: true } }), 'kind'),
    };
  };

  beforeAll(async () => {
    database = await createScratchDatabase();
    pool = new pg.Pool({ connectionString: database.url });
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  }, 60_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    if (pool && !pool.ended) await pool.end();
    await database?.drop();
  }, 60_000);

  it('seeds once and changes nothing when run again', async () => {
    expect(await seedExampleSeminar(prisma)).toEqual({ created: true });
    const first = await snapshot();
    const firstSummary = await summary();

    expect(await seedExampleSeminar(prisma)).toEqual({ created: false });
    expect(await snapshot()).toEqual(first);
    expect(await summary()).toEqual(firstSummary);

    expect(firstSummary).toMatchObject({
      organizations: 6,
      sessionsByKind: { PRESENTATION: 1, LECTURE: 5, SITE_VISIT: 2, CULTURAL_VISIT: 1, ACTION_PLAN_PRESENTATION: 1 },
      enrollmentsByStatus: { COMPLETED: 12 },
      proposalsByStatus: { COMMENDED: 2, SELECTED_FOR_SUPPORT: 1 },
      decisionsByKind: { COMMENDATION: 3, SELECTED_FOR_SUPPORT: 1 },
    });
    expect(firstSummary.samplePeople).toBe(firstSummary.people);
  }, 60_000);

  it('holds the facts of the news item', async () => {
    const seminar = await prisma.seminar.findUniqueOrThrow({
      where: { id: EXAMPLE_SEMINAR_ID },
      include: { program: true, partner: true, proposals: { include: { decisions: true, members: true } } },
    });
    expect(seminar).toMatchObject({
      title: 'Building the Capacity of Civil Servants in Digital Transformation in Uzbekistan',
      startDate: new Date('2025-10-12'),
      endDate: new Date('2025-10-25'),
      timezone: 'Asia/Seoul',
      status: 'COMPLETED',
      program: { code: 'KOICA-CIAT', title: 'CIAT – Capacity Improvement for Advanced Technology' },
      partner: { name: 'Ministry of Digital Technologies of the Republic of Uzbekistan', type: 'MINISTRY' },
    });
    const selected = seminar.proposals.find((p) => p.status === 'SELECTED_FOR_SUPPORT');
    expect(selected?.title).toBe(
      'Enhancing the Capacity of Computer Science Teachers in Artificial Intelligence and Establishing a Certification System',
    );
    expect(selected?.decisions.find((d) => d.kind === 'SELECTED_FOR_SUPPORT')?.supportType).toBe('FOLLOW_UP_PROJECT');
    for (const proposal of seminar.proposals) {
      expect(proposal.members.filter((m) => m.role === 'LEAD')).toHaveLength(1);
    }
    const topis = await prisma.organization.findFirstOrThrow({
      where: { acronym: 'TOPIS' },
      include: { parent: true },
    });
    expect(topis.parent?.name).toBe('Seoul Metropolitan Government');
  });

  it('keeps the agenda within the seminar dates, with no speaker or place double-booked', async () => {
    const sessions = await prisma.session.findMany({
      where: { seminarId: EXAMPLE_SEMINAR_ID },
      include: { speakers: true },
      orderBy: { startsAt: 'asc' },
    });
    const busy = new Map<string, Array<{ startsAt: Date; endsAt: Date }>>();
    for (const session of sessions) {
      // The seminar runs from 12 October 00:00 to 25 October 24:00, Seoul time.
      expect(session.startsAt >= new Date('2025-10-12T00:00:00+09:00')).toBe(true);
      expect(session.endsAt <= new Date('2025-10-26T00:00:00+09:00')).toBe(true);
      expect(session.startsAt < session.endsAt).toBe(true);
      const resources = [session.placeId, ...session.speakers.map((s) => s.personId)].filter((r) => r !== null);
      for (const resource of resources) {
        const slots = busy.get(resource) ?? [];
        expect(slots.some((s) => s.startsAt < session.endsAt && session.startsAt < s.endsAt)).toBe(false);
        busy.set(resource, [...slots, session]);
      }
    }
  });
});
