import type {
  ApiKey,
  Attendance,
  AttendanceStatus,
  Enrollment,
  Feedback,
  Milestone,
  Organization,
  Person,
  Place,
  Program,
  ProgramCoordinator,
  ProgressReport,
  Proposal,
  ProposalDecision,
  ProposalMember,
  Review,
  ReviewAssignment,
  ReviewCriterion,
  ReviewScore,
  Seminar,
  SeminarCoordinator,
  Session,
  SessionSpeaker,
  User,
} from '@seminarhub/db';
import DataLoader from 'dataloader';
import {
  enrollmentWhere,
  followUpWhere,
  personalDetailsWhere,
  personWhere,
  proposalWhere,
  reviewWhere,
  seminarWhere,
  sessionWhere,
  userWhere,
} from './auth/visibility.ts';
import type { Context } from './context.ts';

/** One query for many ids; answers in the order asked, null where a row does not exist. */
function byId<Row extends { id: string }>(fetch: (ids: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (ids) => {
    const rows = new Map((await fetch([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/** One query for the children of many parents, grouped by parent, in the query's order. */
function byParent<Row, Key extends keyof Row>(key: Key, fetch: (parentIds: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row[]>(async (parentIds) => {
    const groups = new Map<string, Row[]>(parentIds.map((id) => [id, []]));
    for (const row of await fetch([...parentIds])) groups.get(row[key] as string)?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

/**
 * Per-request batching for lookups scattered across a response (`node(id:)`, to-one relations,
 * small child lists), so that their query count does not grow with the rows returned. Each loader
 * applies the viewer's visibility: a row one may not see comes back as null, like a missing one.
 */
export function createLoaders(ctx: Context) {
  const { prisma, viewer } = ctx;
  const ids = (list: string[]) => ({ id: { in: list } });
  return {
    organization: byId<Organization>((list) => prisma.organization.findMany({ where: ids(list) })),
    place: byId<Place>((list) => prisma.place.findMany({ where: ids(list) })),
    program: byId<Program>((list) => prisma.program.findMany({ where: ids(list) })),
    reviewCriterion: byId<ReviewCriterion>((list) => prisma.reviewCriterion.findMany({ where: ids(list) })),
    person: byId<Person>(async (list) =>
      prisma.person.findMany({ where: { AND: [ids(list), personWhere(viewer, await ctx.scope())] } }),
    ),
    /** The same people, but only those whose personal details the viewer may read. */
    personalDetails: byId<Person>(async (list) =>
      prisma.person.findMany({ where: { AND: [ids(list), personalDetailsWhere(viewer, await ctx.scope())] } }),
    ),
    seminar: byId<Seminar>(async (list) =>
      prisma.seminar.findMany({ where: { AND: [ids(list), seminarWhere(viewer, await ctx.scope())] } }),
    ),
    session: byId<Session>(async (list) =>
      prisma.session.findMany({ where: { AND: [ids(list), sessionWhere(viewer, await ctx.scope())] } }),
    ),
    enrollment: byId<Enrollment>(async (list) =>
      prisma.enrollment.findMany({ where: { AND: [ids(list), enrollmentWhere(viewer, await ctx.scope())] } }),
    ),
    proposal: byId<Proposal>(async (list) =>
      prisma.proposal.findMany({ where: { AND: [ids(list), proposalWhere(viewer, await ctx.scope())] } }),
    ),
    milestone: byId<Milestone>(async (list) =>
      prisma.milestone.findMany({ where: { AND: [ids(list), followUpWhere(viewer, await ctx.scope())] } }),
    ),
    progressReport: byId<ProgressReport>(async (list) =>
      prisma.progressReport.findMany({ where: { AND: [ids(list), followUpWhere(viewer, await ctx.scope())] } }),
    ),
    review: byId<Review>(async (list) =>
      prisma.review.findMany({ where: { AND: [ids(list), reviewWhere(viewer, await ctx.scope())] } }),
    ),
    user: byId<User>((list) => prisma.user.findMany({ where: { AND: [ids(list), userWhere(viewer)] } })),
    // A coordinator's assignments, read through an account the viewer may see (User's own visibility).
    programAssignmentsByUser: byParent<ProgramCoordinator & { program: Program }, 'userId'>('userId', (list) =>
      prisma.programCoordinator.findMany({
        where: { userId: { in: list } },
        include: { program: true },
        orderBy: [{ program: { title: 'asc' } }, { id: 'asc' }],
      }),
    ),
    seminarAssignmentsByUser: byParent<SeminarCoordinator & { seminar: Seminar }, 'userId'>('userId', (list) =>
      prisma.seminarCoordinator.findMany({
        where: { userId: { in: list } },
        include: { seminar: true },
        orderBy: [{ seminar: { startDate: 'asc' } }, { id: 'asc' }],
      }),
    ),
    apiKey: byId<ApiKey>((list) =>
      viewer.kind === 'user' && viewer.role === 'ADMIN'
        ? prisma.apiKey.findMany({ where: ids(list) })
        : Promise.resolve([]),
    ),
    speakersBySession: byParent<SessionSpeaker, 'sessionId'>('sessionId', (list) =>
      prisma.sessionSpeaker.findMany({
        where: { sessionId: { in: list } },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      }),
    ),
    membersByProposal: byParent<ProposalMember, 'proposalId'>('proposalId', (list) =>
      prisma.proposalMember.findMany({
        where: { proposalId: { in: list } },
        orderBy: [{ role: 'asc' }, { id: 'asc' }],
      }),
    ),
    decisionsByProposal: byParent<ProposalDecision, 'proposalId'>('proposalId', (list) =>
      prisma.proposalDecision.findMany({
        where: { proposalId: { in: list } },
        orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
      }),
    ),
    // Who may see a proposal's assignments is decided by the field that reads them (Proposal.reviewers).
    assignmentsByProposal: byParent<ReviewAssignment, 'proposalId'>('proposalId', (list) =>
      prisma.reviewAssignment.findMany({ where: { proposalId: { in: list } }, orderBy: { id: 'asc' } }),
    ),
    scoresByReview: byParent<ReviewScore, 'reviewId'>('reviewId', (list) =>
      // In the programme's order of its criteria, as every screen that shows scores lists them.
      prisma.reviewScore.findMany({
        where: { reviewId: { in: list } },
        orderBy: [{ criterion: { position: 'asc' } }, { criterionId: 'asc' }],
      }),
    ),
    // Attendance and feedback are reached only through an enrollment the viewer may see.
    attendanceByEnrollment: byParent<Attendance, 'enrollmentId'>('enrollmentId', (list) =>
      prisma.attendance.findMany({
        where: { enrollmentId: { in: list } },
        orderBy: [{ session: { startsAt: 'asc' } }, { id: 'asc' }],
      }),
    ),
    feedbackByEnrollment: byParent<Feedback, 'enrollmentId'>('enrollmentId', (list) =>
      prisma.feedback.findMany({
        where: { enrollmentId: { in: list } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    ),
    // Figures over attendance and feedback, one grouped query for every session or seminar shown.
    sessionFigures: new DataLoader<string, Figures>(async (ids) => {
      const [attendance, feedback] = await Promise.all([
        prisma.attendance.groupBy({
          by: ['sessionId', 'status'],
          where: { sessionId: { in: [...ids] } },
          _count: { _all: true },
        }),
        prisma.feedback.groupBy({
          by: ['sessionId'],
          where: { sessionId: { in: [...ids] } },
          _avg: { rating: true },
          _count: { _all: true },
        }),
      ]);
      return ids.map((id) =>
        figures(
          attendance
            .filter((row) => row.sessionId === id)
            .map((row) => ({ status: row.status, count: row._count._all })),
          feedback.find((row) => row.sessionId === id),
        ),
      );
    }),
    seminarFigures: new DataLoader<string, Figures>(async (ids) => {
      const [attendance, feedback] = await Promise.all([
        prisma.$queryRaw<{ seminarId: string; status: AttendanceStatus; count: bigint }[]>`
          SELECT s."seminarId", a.status, count(*) FROM "Attendance" a JOIN "Session" s ON s.id = a."sessionId"
          WHERE s."seminarId" = ANY(${[...ids]}::uuid[]) GROUP BY s."seminarId", a.status`,
        prisma.feedback.groupBy({
          by: ['seminarId'],
          where: { seminarId: { in: [...ids] }, sessionId: null },
          _avg: { rating: true },
          _count: { _all: true },
        }),
      ]);
      return ids.map((id) =>
        figures(
          attendance
            .filter((row) => row.seminarId === id)
            .map((row) => ({ status: row.status, count: Number(row.count) })),
          feedback.find((row) => row.seminarId === id),
        ),
      );
    }),
    sessionsAttendedByPerson: new DataLoader<string, number>(async (ids) => {
      const rows = await prisma.$queryRaw<{ personId: string; count: bigint }[]>`
        SELECT e."personId", count(*) FROM "Attendance" a JOIN "Enrollment" e ON e.id = a."enrollmentId"
        WHERE e."personId" = ANY(${[...ids]}::uuid[]) AND a.status IN ('PRESENT', 'LATE') GROUP BY e."personId"`;
      return ids.map((id) => Number(rows.find((row) => row.personId === id)?.count ?? 0));
    }),
    criteriaByProgram: byParent<ReviewCriterion, 'programId'>('programId', (list) =>
      prisma.reviewCriterion.findMany({
        where: { programId: { in: list } },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      }),
    ),
  };
}

export interface Figures {
  /** Share of attendance records that are PRESENT or LATE, 0 to 1; null with none recorded. */
  attendanceRate: number | null;
  averageRating: number | null;
  feedbackCount: number;
}

function figures(
  attendance: { status: AttendanceStatus; count: number }[],
  feedback: { _avg: { rating: number | null }; _count: { _all: number } } | undefined,
): Figures {
  const total = attendance.reduce((sum, row) => sum + row.count, 0);
  const attended = attendance
    .filter((row) => row.status === 'PRESENT' || row.status === 'LATE')
    .reduce((sum, row) => sum + row.count, 0);
  const average = feedback?._avg.rating;
  return {
    attendanceRate: total > 0 ? Math.round((attended / total) * 1000) / 1000 : null,
    averageRating: average == null ? null : Math.round(average * 100) / 100,
    feedbackCount: feedback?._count._all ?? 0,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
