import { Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { dateTime } from '../../lib/format.ts';
import { ProposalTeam } from '../follow-up/ProposalTeam.tsx';
import { enumLabel } from '../lists/labels.ts';
import type { ProposalDetails } from './useProposals.ts';

function Section({ title, text }: { title: string; text: string | null }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="sm" c={text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {text ?? 'Not written yet.'}
      </Text>
    </Stack>
  );
}

/** A small card with a heading, and a dimmed line in place of an empty list. */
function SideCard({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <Card withBorder padding="md" miw={240}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

/** What a proposal says and who wrote it, with the decisions taken on it; shared by every role's view. */
export function ProposalSummary({
  proposal,
  canEditTeam = false,
}: {
  proposal: ProposalDetails;
  /** The viewer is on the team or staff: the team is changed here while the proposal may be edited. */
  canEditTeam?: boolean;
}) {
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="md">
          <Section title="Summary" text={proposal.summary} />
          <Section title="Problem" text={proposal.problem} />
          <Section title="Objectives" text={proposal.objectives} />
        </Stack>
      </Card>
      <Group align="flex-start" grow wrap="wrap" gap="md">
        <SideCard title="Team" empty={proposal.members.length === 0 ? 'No team recorded.' : null}>
          <ProposalTeam proposal={proposal} canEdit={canEditTeam} />
          <Text size="sm" c="dimmed" mt="sm">
            Implemented by {proposal.implementingOrganization?.name ?? 'no organization named yet'}
          </Text>
        </SideCard>
        <SideCard title="Decisions" empty={proposal.decisions.length === 0 ? 'No decision yet.' : null}>
          <Timeline bulletSize={14} lineWidth={2} active={proposal.decisions.length}>
            {proposal.decisions.map((decision) => (
              <Timeline.Item key={`${decision.kind}-${decision.decidedAt}`} title={enumLabel(decision.kind)}>
                <Text size="xs" c="dimmed">
                  {dateTime(decision.decidedAt)}
                  {decision.supportType ? ` · ${enumLabel(decision.supportType)}` : ''}
                </Text>
                {decision.note && <Text size="sm">{decision.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </SideCard>
      </Group>
    </Stack>
  );
}
