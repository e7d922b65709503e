import type { Prisma, ProposalStatus, SeminarStatus } from '@seminarhub/db';
import { readsEverything } from './guards.ts';
import type { AccessScope, Viewer } from './viewer.ts';

/**
 * What each viewer may read, as Prisma conditions. Every path to a row (root lists, nested lists,
 * node(id:), to-one relations through the loaders) ANDs these in, so that a row one may not see is
 * simply absent: a forbidden object looks exactly like a missing one.
 */

/** Seminars anyone may see: announced, running or held. Drafts and cancellations stay internal. */
export const PUBLIC_SEMINAR_STATUSES: SeminarStatus[] = ['PUBLISHED', 'IN_PROGRESS', 'COMPLETED'];
/** Proposals whose title and summary anyone may see: those selected for support, and what follows. */
export const PUBLIC_PROPOSAL_STATUSES: ProposalStatus[] = ['SELECTED_FOR_SUPPORT', 'IN_IMPLEMENTATION', 'COMPLETED'];

const NOTHING = { id: { in: [] as string[] } };
const publicSeminar: Prisma.SeminarWhereInput = { status: { in: PUBLIC_SEMINAR_STATUSES } };

export function reachableSeminarIds(scope: AccessScope): string[] {
  return [...scope.coordinatedSeminarIds, ...scope.enrolledSeminarIds, ...scope.proposalSeminarIds];
}

export function seminarWhere(viewer: Viewer, scope: AccessScope): Prisma.SeminarWhereInput {
  if (readsEverything(viewer)) return {};
  return { OR: [publicSeminar, { id: { in: reachableSeminarIds(scope) } }] };
}

export function sessionWhere(viewer: Viewer, scope: AccessScope): Prisma.SessionWhereInput {
  return readsEverything(viewer) ? {} : { seminar: seminarWhere(viewer, scope) };
}

export function enrollmentWhere(viewer: Viewer, scope: AccessScope): Prisma.EnrollmentWhereInput {
  if (readsEverything(viewer)) return {};
  if (viewer.kind !== 'user') return NOTHING;
  return {
    OR: [
      ...(viewer.personId ? [{ personId: viewer.personId }] : []),
      { seminarId: { in: scope.coordinatedSeminarIds } },
    ],
  };
}

/**
 * Whether the viewer may list a seminar's enrollments, and so read the figures drawn from them (its
 * attendance rates): a figure over participants one may not list would contradict the list one gets.
 */
export function readsParticipants(viewer: Viewer, scope: AccessScope, seminarId: string): boolean {
  return readsEverything(viewer) || (viewer.kind === 'user' && scope.coordinatedSeminarIds.includes(seminarId));
}

/** Proposals whose full content the viewer may read: their team's, assigned, or in their seminars. */
export function proposalDetailIds(scope: AccessScope): { seminarIds: string[]; proposalIds: string[] } {
  return {
    seminarIds: scope.coordinatedSeminarIds,
    proposalIds: [...scope.teamProposalIds, ...scope.reviewProposalIds],
  };
}

export function proposalWhere(viewer: Viewer, scope: AccessScope): Prisma.ProposalWhereInput {
  if (readsEverything(viewer)) return {};
  const { seminarIds, proposalIds } = proposalDetailIds(scope);
  return {
    OR: [
      { status: { in: PUBLIC_PROPOSAL_STATUSES }, seminar: publicSeminar },
      { seminarId: { in: seminarIds } },
      { id: { in: proposalIds } },
    ],
  };
}

/** The proposals whose details the viewer may read, as a condition: what `canReadProposalDetails` allows. */
export function proposalDetailsWhere(viewer: Viewer, scope: AccessScope): Prisma.ProposalWhereInput {
  if (readsEverything(viewer)) return {};
  const { seminarIds, proposalIds } = proposalDetailIds(scope);
  return { OR: [{ seminarId: { in: seminarIds } }, { id: { in: proposalIds } }] };
}

export function canReadProposalDetails(
  viewer: Viewer,
  scope: AccessScope,
  proposal: { id: string; seminarId: string },
): boolean {
  if (readsEverything(viewer)) return true;
  const { seminarIds, proposalIds } = proposalDetailIds(scope);
  return seminarIds.includes(proposal.seminarId) || proposalIds.includes(proposal.id);
}

/**
 * Follow-up records (milestones, progress reports) go with their proposal's details: the same
 * people who may read its problem and objectives see them; everyone else finds none.
 */
export function followUpWhere(viewer: Viewer, scope: AccessScope): { proposal?: Prisma.ProposalWhereInput } {
  return readsEverything(viewer) ? {} : { proposal: proposalDetailsWhere(viewer, scope) };
}

export function reviewWhere(viewer: Viewer, scope: AccessScope): Prisma.ReviewWhereInput {
  if (readsEverything(viewer)) return {};
  if (viewer.kind !== 'user') return NOTHING;
  return {
    OR: [
      { proposal: { seminarId: { in: scope.coordinatedSeminarIds } } },
      ...(viewer.role === 'REVIEWER' && viewer.personId ? [{ reviewerId: viewer.personId }] : []),
    ],
  };
}

export function personWhere(viewer: Viewer, scope: AccessScope): Prisma.PersonWhereInput {
  if (readsEverything(viewer)) return {};
  // Coordinators nominate a cohort from the people recorded, so they find every person by name and
  // workplace; personal details stay behind personalDetailsWhere.
  if (viewer.kind === 'user' && viewer.role === 'COORDINATOR') return {};
  const seminarIds = reachableSeminarIds(scope);
  const { seminarIds: detailSeminarIds, proposalIds } = proposalDetailIds(scope);
  return {
    OR: [
      // Speakers' public profiles, on the agendas the viewer can see.
      { speakerRoles: { some: { session: { seminar: { OR: [publicSeminar, { id: { in: seminarIds } }] } } } } },
      ...(viewer.kind === 'user' && viewer.personId ? [{ id: viewer.personId }] : []),
      { enrollments: { some: { seminarId: { in: scope.coordinatedSeminarIds } } } },
      {
        proposalMembers: {
          some: { OR: [{ proposalId: { in: proposalIds } }, { proposal: { seminarId: { in: detailSeminarIds } } }] },
        },
      },
      { reviews: { some: { proposal: { seminarId: { in: scope.coordinatedSeminarIds } } } } },
      { reviewAssignments: { some: { proposal: { seminarId: { in: scope.coordinatedSeminarIds } } } } },
    ],
  };
}

/**
 * Contact and personal details (email, phone, sex, birth year, nationality): admins, the person,
 * and coordinators of a seminar the person is in. API keys read everything else, not these.
 */
export function personalDetailsWhere(viewer: Viewer, scope: AccessScope): Prisma.PersonWhereInput {
  if (viewer.kind === 'user' && viewer.role === 'ADMIN') return {};
  if (viewer.kind !== 'user') return NOTHING;
  const inSeminars = { seminarId: { in: scope.coordinatedSeminarIds } };
  return {
    OR: [
      ...(viewer.personId ? [{ id: viewer.personId }] : []),
      { enrollments: { some: inSeminars } },
      { speakerRoles: { some: { session: inSeminars } } },
      { proposalMembers: { some: { proposal: inSeminars } } },
    ],
  };
}

export function userWhere(viewer: Viewer): Prisma.UserWhereInput {
  if (viewer.kind === 'user') return viewer.role === 'ADMIN' ? {} : { id: viewer.userId };
  return NOTHING;
}
