import { Badge, Button, Group, List, Text } from '@mantine/core';
import { useAction } from '../../lib/actions.ts';
import { useSession } from '../../lib/session.tsx';
import type { ProposalDetails } from './useProposals.ts';

/**
 * The experts assigned to the proposal, each with whether they handed in their review; staff may take
 * off one who has not (the API refuses the others, and says so).
 */
export function AssignedReviewers({ proposal, staff }: { proposal: ProposalDetails; staff: boolean }) {
  const { client } = useSession();
  const unassign = useAction((reviewerId: string) => client.reviews.unassign({ proposalId: proposal.id, reviewerId }), {
    success: 'The reviewer is taken off this proposal.',
    invalidate: [['proposal', proposal.id], ['list']],
  });
  if (proposal.reviewers.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No reviewer assigned yet.
      </Text>
    );
  return (
    <List size="sm" spacing={6} listStyleType="none" aria-label="Assigned reviewers">
      {proposal.reviewers.map((reviewer) => {
        const reviewed = proposal.reviews.nodes.some((review) => review.reviewer.id === reviewer.id);
        return (
          <List.Item key={reviewer.id}>
            <Group gap="xs">
              <Text size="sm">{reviewer.fullName}</Text>
              <Badge size="xs" variant="light" color={reviewed ? 'green' : 'gray'}>
                {reviewed ? 'Reviewed' : 'Waiting'}
              </Badge>
              {staff && !reviewed && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Unassign ${reviewer.fullName}`}
                  loading={unassign.isPending && unassign.variables === reviewer.id}
                  onClick={() => unassign.mutate(reviewer.id)}
                >
                  Unassign
                </Button>
              )}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
