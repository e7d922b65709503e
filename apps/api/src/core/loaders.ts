import type {
  Enrollment,
  Organization,
  Person,
  Place,
  PrismaClient,
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
} from '@seminarhub/db';
import DataLoader from 'dataloader';

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
 * Per-request batching for lookups that are scattered across a response (`node(id:)`, to-one
 * relations, small child lists), so that their query count does not grow with the rows returned.
 */
export function createLoaders(prisma: PrismaClient) {
  const ids = (list: string[]) => ({ where: { id: { in: list } } });
  return {
    organization: byId<Organization>((list) => prisma.organization.findMany(ids(list))),
    person: byId<Person>((list) => prisma.person.findMany(ids(list))),
    place: byId<Place>((list) => prisma.place.findMany(ids(list))),
    program: byId<Program>((list) => prisma.program.findMany(ids(list))),
    seminar: byId<Seminar>((list) => prisma.seminar.findMany(ids(list))),
    session: byId<Session>((list) => prisma.session.findMany(ids(list))),
    enrollment: byId<Enrollment>((list) => prisma.enrollment.findMany(ids(list))),
    proposal: byId<Proposal>((list) => prisma.proposal.findMany(ids(list))),
    review: byId<Review>((list) => prisma.review.findMany(ids(list))),
    reviewCriterion: byId<ReviewCriterion>((list) => prisma.reviewCriterion.findMany(ids(list))),
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
    criteriaByProgram: byParent<ReviewCriterion, 'programId'>('programId', (list) =>
      prisma.reviewCriterion.findMany({
        where: { programId: { in: list } },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
      }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
