import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import type { ProposalDetails } from '../proposals/useProposals.ts';
import { DueDate } from './OverdueBadge.tsx';
import { MILESTONE_COLOURS, type MilestoneRow, PLANNING } from './status.ts';
import { useProposalChange } from './useProposalChange.ts';

type Step = 'start' | 'complete' | 'miss';
const STEPS: { step: Step; label: string; from: string[] }[] = [
  { step: 'start', label: 'Start', from: ['PLANNED'] },
  { step: 'complete', label: 'Complete', from: ['PLANNED', 'IN_PROGRESS'] },
  { step: 'miss', label: 'Missed', from: ['PLANNED', 'IN_PROGRESS'] },
];

/**
 * A proposal's milestones by due date, for its team and staff: planned and edited once it is selected
 * for support, started, completed or missed while it is carried out.
 */
export function Milestones({ proposal, canEdit }: { proposal: ProposalDetails; canEdit: boolean }) {
  const { client } = useSession();
  const [editing, setEditing] = useState<MilestoneRow | 'new' | null>(null);
  const planning = canEdit && PLANNING.includes(proposal.status);
  const moving = canEdit && proposal.status === 'IN_IMPLEMENTATION';
  const move = useProposalChange(
    ({ step, milestone }: { step: Step; milestone: MilestoneRow }) =>
      client.milestones[step]({ id: milestone.id, version: milestone.version }),
    ({ step, milestone }) =>
      `“${milestone.title}” is ${step === 'start' ? 'started' : step === 'complete' ? 'done' : 'missed'}.`,
  );
  const milestones = proposal.milestones.nodes;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>Milestones</Text>
        {planning && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            Add a milestone
          </Button>
        )}
      </Group>
      {milestones.length === 0 ? (
        <Text size="sm" c="dimmed">
          {planning ? 'No milestones yet: plan the steps of carrying the proposal out.' : 'No milestones.'}
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Milestones">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Milestone</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
              {(planning || moving) && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {milestones.map((milestone) => (
              <Table.Tr key={milestone.id}>
                <Table.Td>
                  <Text size="sm">{milestone.title}</Text>
                  {milestone.description && (
                    <Text size="xs" c="dimmed">
                      {milestone.description}
                    </Text>
                  )}
                  {move.errorFor(milestone.id) && (
                    <Text size="xs" c="red" role="alert">
                      {move.errorFor(milestone.id)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <DueDate date={milestone.dueDate} overdue={milestone.overdue} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={MILESTONE_COLOURS[milestone.status]} variant="light">
                    {enumLabel(milestone.status)}
                  </Badge>
                </Table.Td>
                {(planning || moving) && (
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {moving &&
                        STEPS.filter(({ from }) => from.includes(milestone.status)).map(({ step, label }) => (
                          <Button
                            key={step}
                            size="compact-xs"
                            variant={step === 'miss' ? 'subtle' : 'default'}
                            color={step === 'miss' ? 'red' : undefined}
                            disabled={move.pending(milestone.id)}
                            onClick={() => move.run(milestone.id, { step, milestone })}
                            aria-label={`${label}: ${milestone.title}`}
                          >
                            {label}
                          </Button>
                        ))}
                      {planning && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing(milestone)}
                          aria-label={`Edit ${milestone.title}`}
                        >
                          Edit
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New milestone' : 'Edit milestone'}
        centered
      >
        {editing && (
          <MilestoneForm
            proposalId={proposal.id}
            milestone={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

interface MilestoneValues extends Record<string, unknown> {
  title: string;
  dueDate: string;
  description: string;
}

function MilestoneForm({
  proposalId,
  milestone,
  onDone,
}: {
  proposalId: string;
  milestone: MilestoneRow | null;
  onDone(): void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: ['proposal'] });
  const { form, onSubmit, submitting, formErrors } = useMutationForm({
    initialValues: {
      title: milestone?.title ?? '',
      dueDate: milestone?.dueDate ?? '',
      description: milestone?.description ?? '',
    } as MilestoneValues,
    version: milestone?.version,
    validate: {
      title: (value) => (value.trim() ? null : 'Name the milestone.'),
      dueDate: (value) => (value ? null : 'Give its due date.'),
    },
    mutate: (values, version) =>
      milestone
        ? client.milestones.update({
            id: milestone.id,
            version: version ?? milestone.version,
            title: values.title.trim(),
            dueDate: values.dueDate,
            description: values.description.trim() || null,
          })
        : client.milestones.create({
            proposalId,
            title: values.title.trim(),
            dueDate: values.dueDate,
            description: values.description.trim() || null,
          }),
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        message: milestone ? 'The milestone is saved.' : 'The milestone is planned.',
      });
      await refresh();
      onDone();
    },
  });
  async function remove() {
    if (!milestone) return;
    const result = await client.milestones.delete({ id: milestone.id, version: milestone.version });
    if (!result.ok) return setDeleteError(result.userErrors.map((e) => e.message).join(' '));
    notifications.show({ color: 'green', message: 'The milestone is deleted.' });
    await refresh();
    onDone();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={milestone ? 'Edit milestone' : 'New milestone'}>
      <Stack gap="sm">
        <FormErrors errors={deleteError ? [...formErrors, deleteError] : formErrors} />
        <TextInput label="Title" withAsterisk maxLength={300} {...form.getInputProps('title')} />
        <TextInput type="date" label="Due date" withAsterisk {...form.getInputProps('dueDate')} />
        <Textarea
          label="Description"
          description="How, or what counts as reaching it."
          rows={3}
          {...form.getInputProps('description')}
        />
        <Group justify="space-between">
          {milestone ? (
            <Button variant="subtle" color="red" onClick={remove}>
              Delete
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              {milestone ? 'Save' : 'Add'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
