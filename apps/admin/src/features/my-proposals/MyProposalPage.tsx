import { Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useAction } from '../../lib/actions.ts';
import { useSession } from '../../lib/session.tsx';
import { ProposalFollowUp } from '../follow-up/ProposalFollowUp.tsx';
import { ProposalTeam } from '../follow-up/ProposalTeam.tsx';
import { ProposalHeader } from '../proposals/ProposalHeader.tsx';
import { ProposalLoader } from '../proposals/ProposalLoader.tsx';
import { ProposalSummary } from '../proposals/ProposalSummary.tsx';
import { EDITABLE_STATUSES } from '../proposals/status.ts';
import type { ProposalDetails } from '../proposals/useProposals.ts';
import { ProposalEditor } from './ProposalEditor.tsx';

/**
 * A new proposal (`/my-proposals/new`), or one of the team's: edited with its team while a draft, then
 * submitted; once selected for support, its milestones and progress reports.
 */
export function MyProposalPage() {
  const { proposalId = '' } = useParams();
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={RouterLink} to="/my-proposals" size="sm">
        ← My proposals
      </Anchor>
      {proposalId === 'new' ? (
        <>
          <Title order={1} size="h2">
            New proposal
          </Title>
          <Card withBorder padding="md">
            <ProposalEditor />
          </Card>
        </>
      ) : (
        <ProposalLoader id={proposalId} missing="There is no such proposal, or it is not your team's.">
          {(p) => <TeamProposal proposal={p} />}
        </ProposalLoader>
      )}
    </Stack>
  );
}

function TeamProposal({ proposal: p }: { proposal: ProposalDetails }) {
  const { client } = useSession();
  const submit = useAction(() => client.proposals.submit({ id: p.id, version: p.version }), {
    success: 'The proposal is submitted for review.',
    invalidate: [['proposal'], ['list']],
  });
  const editable = EDITABLE_STATUSES.includes(p.status);
  // Submitting hands in the saved version: with unsaved edits, it would leave them behind.
  const [unsaved, setUnsaved] = useState(false);
  return (
    <Stack gap="md">
      <ProposalHeader proposal={p}>
        {editable && (
          <Stack gap={2} align="flex-end">
            <Button loading={submit.isPending} disabled={unsaved} onClick={() => submit.mutate(undefined)}>
              Submit for review
            </Button>
            {unsaved && (
              <Text size="xs" c="dimmed">
                Save your changes first.
              </Text>
            )}
          </Stack>
        )}
      </ProposalHeader>
      {editable ? (
        <Card withBorder padding="md">
          <Text size="sm" c="dimmed" mb="sm">
            Your team can edit the proposal until it is submitted.
          </Text>
          {/* Saved changes come back with a new version: start again from it. */}
          <ProposalEditor key={p.version} proposal={p} onDirtyChange={setUnsaved} />
        </Card>
      ) : (
        <ProposalSummary proposal={p} />
      )}
      {editable && (
        <Card withBorder padding="md" aria-label="Team">
          <Title order={3} size="h4" mb="xs">
            Team
          </Title>
          <ProposalTeam proposal={p} canEdit />
        </Card>
      )}
      <ProposalFollowUp proposal={p} viewer="team" />
    </Stack>
  );
}
