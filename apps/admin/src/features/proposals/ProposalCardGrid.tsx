import { Badge, Card, Group, SimpleGrid, Skeleton, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { enumLabel } from '../lists/labels.ts';
import { PROPOSAL_STATUS_COLOURS } from './status.ts';
import type { ProposalListItem } from './useProposals.ts';

/** Proposals as cards linking to `href(proposal)`, with a placeholder while loading and a line when none. */
export function ProposalCardGrid({
  proposals,
  href,
  empty,
  extra,
}: {
  proposals: Pick<UseQueryResult<readonly ProposalListItem[]>, 'data' | 'isPending' | 'isError' | 'error'>;
  href(proposal: ProposalListItem): string;
  empty: ReactNode;
  /** More badges for a card: the viewer's score, the team's size. */
  extra?(proposal: ProposalListItem): ReactNode;
}) {
  if (proposals.isError)
    return (
      <Text c="red" role="alert">
        The proposals could not be loaded: {proposals.error?.message}
      </Text>
    );
  if (proposals.isPending)
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Skeleton h={110} />
        <Skeleton h={110} />
      </SimpleGrid>
    );
  if (!proposals.data?.length)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {proposals.data.map((proposal) => (
        <Card key={proposal.id} component={RouterLink} to={href(proposal)} withBorder padding="md">
          <Text fw={600} lineClamp={2}>
            {proposal.title}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {proposal.seminar.title}
          </Text>
          <Group gap="xs" mt="sm">
            <Badge color={PROPOSAL_STATUS_COLOURS[proposal.status]} variant="light">
              {enumLabel(proposal.status)}
            </Badge>
            {extra?.(proposal)}
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}
