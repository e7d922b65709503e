import { Skeleton, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { type ProposalDetails, useProposal } from './useProposals.ts';

/** Reads one proposal and shows it with `children`, or says why not: still loading, failed, or none to see. */
export function ProposalLoader({
  id,
  missing,
  children,
}: {
  id: string;
  /** Said when the API has no such proposal for this viewer. */
  missing: string;
  children(proposal: ProposalDetails): ReactNode;
}) {
  const proposal = useProposal(id);
  if (proposal.isPending) return <Skeleton h={320} />;
  if (proposal.isError)
    return (
      <Text c="red" role="alert">
        The proposal could not be loaded: {proposal.error.message}
      </Text>
    );
  if (!proposal.data) return <Text>{missing}</Text>;
  return children(proposal.data);
}
