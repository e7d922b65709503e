import type {
  ApiKey,
  Attendance,
  Enrollment,
  Feedback,
  Organization,
  Person,
  Place,
  Program,
  Proposal,
  ProposalDecision,
  ProposalMember,
  Review,
  ReviewCriterion,
  ReviewScore,
  Seminar,
  Session,
  SessionSpeaker,
  User,
} from '@seminarhub/db';
import DataLoader from 'dataloader';
import {
  enrollmentWhere,
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
    review: byId<Review>(async (list) =>
      prisma.review.findMany({ where: { AND: [ids(list), reviewWhere(viewer, await ctx.scope())] } }),
    ),
    user: byId<User>((list) => prisma.user.findMany({ where: { AND: [ids(list), userWhere(viewer)] } })),
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
    scoresByReview: byParent<ReviewScore, 'reviewId'>('reviewId', (list) =>
      prisma.reviewScore.findMany({ where: { reviewId: { in: list } }, orderBy: { id: 'asc' } }),
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
    criteriaByProgram: byParent<ReviewCriterion, 'programId'>('programId', (list) =>
      prisma.reviewCriterion.findMany({
        where: { programId: { in: list } },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
