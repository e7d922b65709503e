import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../lib/session.tsx';
import { EDITABLE_STATUSES } from '../proposals/status.ts';
import type { ProposalDetails } from '../proposals/useProposals.ts';
import { useProposalChange } from './useProposalChange.ts';

/**
 * A proposal's team, lead first. For its team and staff, while the proposal may be edited (DRAFT,
 * REVISION_REQUESTED): add people accepted into the seminar, hand over the lead, take someone off.
 * A refusal is shown beside the member or the picker it is about.
 */
export function ProposalTeam({ proposal, canEdit }: { proposal: ProposalDetails; canEdit: boolean }) {
  const { client } = useSession();
  const editable = canEdit && EDITABLE_STATUSES.includes(proposal.status);
  const [adding, setAdding] = useState<string | null>(null);
  const names = new Map(proposal.teamCandidates.map((c) => [c.personId, c.fullName]));
  const ref = (personId: string) => ({ proposalId: proposal.id, personId, version: proposal.version });
  const add = useProposalChange(
    (personId: string) => client.proposals.memberAdd(ref(personId)),
    (personId) => `${names.get(personId) ?? 'The person'} is on the team.`,
  );
  const lead = useProposalChange(
    (personId: string) => client.proposals.memberRoleSet({ ...ref(personId), role: 'LEAD' }),
    () => 'The lead is handed over.',
  );
  const remove = useProposalChange(
    (personId: string) => client.proposals.memberRemove(ref(personId)),
    () => 'Taken off the team.',
  );
  const members = [...proposal.members].sort((a, b) => (a.role === b.role ? 0 : a.role === 'LEAD' ? -1 : 1));

  return (
    <Stack gap="sm">
      <Stack component="ul" gap={6} aria-label="Team" m={0} p={0} style={{ listStyle: 'none' }}>
        {members.map((member) => {
          const key = member.person.id;
          const error = lead.errorFor(key) ?? remove.errorFor(key);
          return (
            <li key={key}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs">
                  <Text size="sm">{member.person.fullName}</Text>
                  {member.role === 'LEAD' && (
                    <Badge size="xs" variant="light">
                      Lead
                    </Badge>
                  )}
                </Group>
                {editable && (
                  <Group gap={4} wrap="nowrap">
                    {member.role !== 'LEAD' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        loading={lead.pending(key)}
                        onClick={() => lead.run(key, key)}
                        aria-label={`Make ${member.person.fullName} the lead`}
                      >
                        Make lead
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={remove.pending(key)}
                      onClick={() => remove.run(key, key)}
                      aria-label={`Remove ${member.person.fullName}`}
                    >
                      Remove
                    </Button>
                  </Group>
                )}
              </Group>
              {error && (
                <Text size="xs" c="red" role="alert">
                  {error}
                </Text>
              )}
            </li>
          );
        })}
      </Stack>
      {editable && (
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Select
            label="Add a member"
            placeholder={
              proposal.teamCandidates.length ? 'Someone accepted into the seminar' : 'Everyone accepted is on the team'
            }
            searchable
            clearable
            data={proposal.teamCandidates.map((c) => ({
              value: c.personId,
              label: c.organizationName ? `${c.fullName} (${c.organizationName})` : c.fullName,
            }))}
            value={adding}
            onChange={(value) => {
              setAdding(value);
              add.clearError();
            }}
            error={add.errorFor('add')}
            nothingFoundMessage="Nobody of that name has a place in the seminar"
            style={{ flex: 1 }}
          />
          <Button
            disabled={!adding}
            loading={add.pending('add')}
            onClick={() => {
              if (!adding) return;
              add.run('add', adding);
              setAdding(null);
            }}
          >
            Add
          </Button>
        </Group>
      )}
    </Stack>
  );
}
