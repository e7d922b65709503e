import type { ProposalStatus } from '@seminarhub/db';
import { expect } from 'vitest';
import { toGlobalId } from '../src/core/node-id.ts';
import type { Actor } from './testkit.ts';

/** The transition mutations that lead from DRAFT to each status, in order. */
const PATHS: Record<ProposalStatus, string[]> = {
  DRAFT: [],
  SUBMITTED: ['Submit'],
  UNDER_REVIEW: ['Submit', 'StartReview'],
  REVISION_REQUESTED: ['Submit', 'StartReview', 'RequestRevision'],
  COMMENDED: ['Submit', 'StartReview', 'Commend'],
  SELECTED_FOR_SUPPORT: ['Submit', 'StartReview', 'SelectForSupport'],
  DECLINED: ['Submit', 'StartReview', 'Decline'],
  IN_IMPLEMENTATION: ['Submit', 'StartReview', 'SelectForSupport', 'StartImplementation'],
  COMPLETED: ['Submit', 'StartReview', 'SelectForSupport', 'StartImplementation', 'Complete'],
};

export interface ProposalRef {
  id: string;
  version: number;
  status: ProposalStatus;
}

const FIELDS = 'proposal { id version status } userErrors { field code message }';

/** Moves a proposal one step through its own transition mutation; the step must succeed. */
export async function moveProposal(actor: Actor, step: string, proposal: ProposalRef): Promise<ProposalRef> {
  const { data } = await actor.graphql(
    `mutation($input: ProposalTransitionInput!) { proposal${step}(input: $input) { ${FIELDS} } }`,
    { input: { id: proposal.id, version: proposal.version } },
  );
  expect(data[`proposal${step}`].userErrors).toEqual([]);
  return data[`proposal${step}`].proposal;
}

/**
 * A new proposal in the seminar, written by `lead` with `members`, then driven to `status` through
 * the transition mutations: the team submits, `staff` takes every other step.
 */
export async function givenProposal(
  lead: Actor,
  staff: Actor,
  seminarId: string,
  {
    status = 'DRAFT',
    members = [],
    title = 'A proposal',
  }: { status?: ProposalStatus; members?: string[]; title?: string },
): Promise<ProposalRef> {
  const { data } = await lead.graphql(
    `mutation($input: ProposalCreateInput!) { proposalCreate(input: $input) { ${FIELDS} } }`,
    {
      input: {
        seminarId: toGlobalId('Seminar', seminarId),
        title,
        memberIds: [toGlobalId('Person', lead.personId as string), ...members.map((id) => toGlobalId('Person', id))],
      },
    },
  );
  expect(data.proposalCreate.userErrors).toEqual([]);
  let proposal: ProposalRef = data.proposalCreate.proposal;
  for (const step of PATHS[status]) proposal = await moveProposal(step === 'Submit' ? lead : staff, step, proposal);
  expect(proposal.status).toBe(status);
  return proposal;
}
