import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { NoPersonNotice } from '../proposals/NoPersonNotice.tsx';
import { ProposalCardGrid } from '../proposals/ProposalCardGrid.tsx';

/** The proposals of the viewer's teams, and the way to write a new one. */
export function MyProposalsPage() {
  const { client } = useSession();
  const { personId, isSuccess: viewerRead } = useViewer();
  const proposals = useQuery({
    queryKey: ['list', 'proposals', 'mine', personId],
    enabled: Boolean(personId),
    queryFn: async () =>
      (
        await client.proposals.list({
          first: 100,
          filter: { memberId: { eq: personId! } },
          orderBy: { field: 'UPDATED_AT' },
        })
      ).nodes,
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>My proposals</Title>
        <Button component={RouterLink} to="/my-proposals/new">
          Write a proposal
        </Button>
      </Group>
      {viewerRead && !personId ? (
        <NoPersonNotice />
      ) : (
        <ProposalCardGrid
          proposals={proposals}
          href={(proposal) => `/my-proposals/${proposal.id}`}
          empty="You are not on a proposal team yet. Write one for a seminar you take part in: it stays a draft until your team submits it."
          extra={(proposal) => (
            <Badge variant="default">
              {proposal.members.length === 1 ? '1 member' : `${proposal.members.length} members`}
            </Badge>
          )}
        />
      )}
    </Stack>
  );
}
