import type { ApiKeyScope, PrismaClient, UserRole } from '@seminarhub/db';

/** Who is asking: resolved once per request from the bearer token, before any resolver runs. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      role: UserRole;
      personId: string | null;
      sessionId: string;
    }
  | { kind: 'apiKey'; apiKeyId: string; name: string; scope: ApiKeyScope; createdById: string };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

/**
 * The rows a viewer reaches through their assignments and enrollments, read once per request and
 * only when a rule needs them.
 */
export interface AccessScope {
  /** Seminars a coordinator manages: assigned directly, or through their programme. */
  coordinatedSeminarIds: string[];
  /** Programmes a coordinator manages, with all their seminars. */
  coordinatedProgramIds: string[];
  /** Seminars the viewer's person is enrolled in. */
  enrolledSeminarIds: string[];
  /** Proposals on whose team the viewer's person is. */
  teamProposalIds: string[];
  /** Proposals the viewer's person is assigned to review, or has reviewed. */
  reviewProposalIds: string[];
  /** Seminars of those team and review proposals. */
  proposalSeminarIds: string[];
}

/** The scope of a viewer who is no person's user: nothing beyond what anyone may read. */
export const EMPTY_SCOPE: AccessScope = {
  coordinatedSeminarIds: [],
  coordinatedProgramIds: [],
  enrolledSeminarIds: [],
  teamProposalIds: [],
  reviewProposalIds: [],
  proposalSeminarIds: [],
};

export async function loadAccessScope(prisma: PrismaClient, viewer: Viewer): Promise<AccessScope> {
  if (viewer.kind !== 'user') return EMPTY_SCOPE;
  const personId = viewer.personId;
  const [direct, programs, programAssignments, enrollments, team, reviews] = await Promise.all([
    viewer.role === 'COORDINATOR'
      ? prisma.seminarCoordinator.findMany({ where: { userId: viewer.userId }, select: { seminarId: true } })
      : [],
    viewer.role === 'COORDINATOR'
      ? prisma.seminar.findMany({
          where: { program: { coordinators: { some: { userId: viewer.userId } } } },
          select: { id: true },
        })
      : [],
    viewer.role === 'COORDINATOR'
      ? prisma.programCoordinator.findMany({ where: { userId: viewer.userId }, select: { programId: true } })
      : [],
    personId ? prisma.enrollment.findMany({ where: { personId }, select: { seminarId: true } }) : [],
    personId
      ? prisma.proposalMember.findMany({
          where: { personId },
          select: { proposalId: true, proposal: { select: { seminarId: true } } },
        })
      : [],
    personId && viewer.role === 'REVIEWER'
      ? prisma.proposal.findMany({
          where: {
            OR: [
              { reviewAssignments: { some: { reviewerId: personId } } },
              { reviews: { some: { reviewerId: personId } } },
            ],
          },
          select: { id: true, seminarId: true },
        })
      : [],
  ]);
  return {
    coordinatedSeminarIds: unique([...direct.map((row) => row.seminarId), ...programs.map((row) => row.id)]),
    coordinatedProgramIds: unique(programAssignments.map((row) => row.programId)),
    enrolledSeminarIds: unique(enrollments.map((row) => row.seminarId)),
    teamProposalIds: unique(team.map((row) => row.proposalId)),
    reviewProposalIds: unique(reviews.map((row) => row.id)),
    proposalSeminarIds: unique([...team.map((row) => row.proposal.seminarId), ...reviews.map((row) => row.seminarId)]),
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
