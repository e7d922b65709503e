import type { ProposalStatus, ReviewRecommendation, SupportType } from '@seminarhub/sdk';

/** A proposal's life, in the order of the workflow: the board's columns. */
export const PROPOSAL_STATUSES: ProposalStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'UNDER_REVIEW',
  'REVISION_REQUESTED',
  'COMMENDED',
  'SELECTED_FOR_SUPPORT',
  'DECLINED',
  'IN_IMPLEMENTATION',
  'COMPLETED',
];

export const PROPOSAL_STATUS_COLOURS: Record<ProposalStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'violet',
  REVISION_REQUESTED: 'orange',
  COMMENDED: 'teal',
  SELECTED_FOR_SUPPORT: 'green',
  DECLINED: 'red',
  IN_IMPLEMENTATION: 'cyan',
  COMPLETED: 'lime',
};

/** The statuses in which the team may still edit and submit (the API's proposalUpdate and proposalSubmit). */
export const EDITABLE_STATUSES: ProposalStatus[] = ['DRAFT', 'REVISION_REQUESTED'];

export const SUPPORT_TYPES: SupportType[] = ['PILOT', 'EXPERT_DISPATCH', 'IN_DEPTH_TRAINING', 'FOLLOW_UP_PROJECT'];

export const RECOMMENDATIONS: ReviewRecommendation[] = ['SELECT', 'COMMEND', 'REVISE', 'DECLINE'];

export const RECOMMENDATION_COLOURS: Record<ReviewRecommendation, string> = {
  SELECT: 'green',
  COMMEND: 'teal',
  REVISE: 'orange',
  DECLINE: 'red',
};

/** The coordinator's moves, each a proposal mutation taking a ProposalTransitionInput. */
export type Decision =
  | 'startReview'
  | 'requestRevision'
  | 'commend'
  | 'selectForSupport'
  | 'decline'
  | 'startImplementation'
  | 'complete';

/** From which status each decision may be taken, as the API's mutation descriptions say. */
export const DECISIONS: Record<ProposalStatus, Decision[]> = {
  DRAFT: [],
  SUBMITTED: ['startReview'],
  UNDER_REVIEW: ['selectForSupport', 'commend', 'requestRevision', 'decline'],
  REVISION_REQUESTED: [],
  COMMENDED: ['selectForSupport', 'decline'],
  SELECTED_FOR_SUPPORT: ['startImplementation'],
  DECLINED: [],
  IN_IMPLEMENTATION: ['complete'],
  COMPLETED: [],
};

export const DECISION_LABELS: Record<Decision, string> = {
  startReview: 'Start review',
  requestRevision: 'Request revision',
  commend: 'Commend',
  selectForSupport: 'Select for support',
  decline: 'Decline',
  startImplementation: 'Start implementation',
  complete: 'Mark completed',
};

/** Decisions recorded with terms (a note, and the support offered) are asked for in a small form first. */
export const DECISIONS_WITH_TERMS: Decision[] = ['requestRevision', 'commend', 'selectForSupport', 'decline'];

/** The mean of the submitted reviews' weighted scores; null before any. */
export function averageScore(reviews: readonly { weightedScore: number | null; submittedAt: string | null }[]) {
  const scores = reviews
    .filter((review) => review.submittedAt && review.weightedScore != null)
    .map((r) => r.weightedScore as number);
  return scores.length ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100 : null;
}
