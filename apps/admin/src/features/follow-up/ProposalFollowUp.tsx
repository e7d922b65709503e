import { Card, Divider, Stack, Title } from '@mantine/core';
import type { ProposalDetails } from '../proposals/useProposals.ts';
import { Milestones } from './Milestones.tsx';
import { ProgressReports } from './ProgressReports.tsx';
import { FOLLOWED_UP } from './status.ts';

/**
 * The follow-up of a proposal selected for support: its milestones and progress reports. The team
 * manages milestones and fills reports in; staff manage milestones too and review reports.
 */
export function ProposalFollowUp({ proposal, viewer }: { proposal: ProposalDetails; viewer: 'team' | 'staff' }) {
  if (!FOLLOWED_UP.includes(proposal.status)) return null;
  return (
    <Card withBorder padding="md" aria-label="Follow-up">
      <Stack gap="md">
        <Title order={3} size="h4">
          Follow-up
        </Title>
        <Milestones proposal={proposal} canEdit />
        <Divider />
        <ProgressReports proposal={proposal} viewer={viewer} />
      </Stack>
    </Card>
  );
}
