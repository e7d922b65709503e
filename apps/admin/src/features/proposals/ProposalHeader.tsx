import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { dateTime } from '../../lib/format.ts';
import { enumLabel } from '../lists/labels.ts';
import { PROPOSAL_STATUS_COLOURS } from './status.ts';
import type { ProposalDetails } from './useProposals.ts';

/** A proposal's title and where it stands, with the actions the viewer may take on the right. */
export function ProposalHeader({ proposal, children }: { proposal: ProposalDetails; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <Stack gap={4} maw={720}>
        <Title order={2} size="h3">
          {proposal.title}
        </Title>
        <Group gap="xs">
          <Badge color={PROPOSAL_STATUS_COLOURS[proposal.status]} variant="light" data-testid="proposal-status">
            {enumLabel(proposal.status)}
          </Badge>
          <Text size="sm" c="dimmed">
            {proposal.seminar.title}
            {proposal.submittedAt ? ` · submitted ${dateTime(proposal.submittedAt)}` : ''}
          </Text>
        </Group>
      </Stack>
      {children}
    </Group>
  );
}
