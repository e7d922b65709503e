import { Badge, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { NoPersonNotice } from '../proposals/NoPersonNotice.tsx';
import { ProposalCardGrid } from '../proposals/ProposalCardGrid.tsx';
import type { ProposalListItem } from '../proposals/useProposals.ts';

/**
 * The proposals assigned to the signed-in reviewer. Besides them the API lists public ones (supported
 * proposals of published seminars), so keep those whose reviewers include the viewer.
 */
function useAssignedProposals(personId: string | null) {
  const { client } = useSession();
  return useQuery({
    queryKey: ['list', 'proposals', 'assigned', personId],
    enabled: Boolean(personId),
    queryFn: async () =>
      (await client.proposals.list({ first: 100, orderBy: { field: 'UPDATED_AT' } })).nodes.filter((proposal) =>
        proposal.reviewers.some((reviewer) => reviewer.id === personId),
      ),
  });
}

export function ReviewsPage() {
  const { personId, isSuccess: viewerRead } = useViewer();
  const assigned = useAssignedProposals(personId);
  const mine = (proposal: ProposalListItem) => proposal.reviews.nodes.find((r) => r.reviewer.id === personId);
  const open = (proposal: ProposalListItem) => proposal.status === 'UNDER_REVIEW' && !mine(proposal);
  const group = (wanted: boolean) => ({ ...assigned, data: assigned.data?.filter((p) => open(p) === wanted) });
  const href = (proposal: ProposalListItem) => `/reviews/${proposal.id}`;
  const extra = (proposal: ProposalListItem) => {
    const review = mine(proposal);
    if (review) return <Badge variant="default">Your score {review.weightedScore ?? '–'}</Badge>;
    return proposal.status === 'SUBMITTED' ? <Badge variant="default">Review not started</Badge> : null;
  };

  return (
    <Stack gap="lg">
      <Title order={1}>Reviews</Title>
      {viewerRead && !personId ? (
        <NoPersonNotice />
      ) : (
        <>
          <Stack gap="sm" component="section" aria-labelledby="to-review">
            <Title order={2} size="h4" id="to-review">
              To review
            </Title>
            <ProposalCardGrid
              proposals={group(true)}
              href={href}
              extra={extra}
              empty="Nothing waits for your review. Programme staff assign proposals to you when their review starts."
            />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="reviewed">
            <Title order={2} size="h4" id="reviewed">
              Reviewed, or not yet open
            </Title>
            <ProposalCardGrid proposals={group(false)} href={href} extra={extra} empty="None." />
          </Stack>
        </>
      )}
    </Stack>
  );
}
