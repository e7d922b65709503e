import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ProgramsGetQuery } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAction } from '../../lib/actions.ts';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';

export type Criterion = NonNullable<ProgramsGetQuery['program']>['reviewCriteria'][number];

type CriterionValues = {
  name: string;
  description: string;
  minScore: number | string;
  maxScore: number | string;
  weight: number | string;
  position: number | string;
};

const valuesOf = (criterion?: Criterion): CriterionValues => ({
  name: criterion?.name ?? '',
  description: criterion?.description ?? '',
  minScore: criterion?.minScore ?? 1,
  maxScore: criterion?.maxScore ?? 5,
  weight: criterion?.weight ?? 1,
  position: criterion?.position ?? '',
});

const num = (value: number | string) => (value === '' ? undefined : Number(value));

/** Adds a criterion, or changes one; the API refuses a new range once a review has scored it, on that field. */
function CriterionForm({ programId, criterion, onDone }: { programId: string; criterion?: Criterion; onDone(): void }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const { form, submitting, formErrors, conflict, onSubmit, reloadTheirs, reapplyMine } = useMutationForm({
    initialValues: valuesOf(criterion),
    version: criterion?.version,
    validate: { name: (value) => (value.trim() ? null : 'A name is required.') },
    mutate: (values, version) => {
      const fields = {
        name: values.name.trim(),
        description: values.description.trim() || null,
        minScore: num(values.minScore),
        maxScore: num(values.maxScore),
        weight: num(values.weight),
        position: num(values.position),
      };
      return criterion
        ? client.reviewCriteria.update({ id: criterion.id, version: version!, ...fields })
        : client.reviewCriteria.create({ programId, ...fields });
    },
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        message: criterion ? 'The criterion was saved.' : 'The criterion was added.',
      });
      await queries.invalidateQueries({ queryKey: ['program', programId] });
      onDone();
    },
    reload: async () => {
      const program = await client.programs.get(programId);
      const current = program?.reviewCriteria.find((c) => c.id === criterion?.id);
      if (!current) throw new Error('The criterion was deleted meanwhile.');
      return { values: valuesOf(current), version: current.version };
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={criterion ? 'Review criterion' : 'New review criterion'}>
      <Stack gap="sm">
        {conflict && (
          <ConflictNotice what="criterion" onReload={() => void reloadTheirs()} onReapply={() => void reapplyMine()} />
        )}
        <FormErrors errors={formErrors} />
        <TextInput label="Name" required maxLength={100} {...form.getInputProps('name')} key={form.key('name')} />
        <Textarea
          label="What reviewers judge"
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('description')}
          key={form.key('description')}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Lowest score"
            min={0}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('minScore')}
            key={form.key('minScore')}
          />
          <NumberInput
            label="Highest score"
            min={0}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('maxScore')}
            key={form.key('maxScore')}
          />
          <NumberInput
            label="Weight"
            min={0}
            max={100}
            decimalScale={2}
            {...form.getInputProps('weight')}
            key={form.key('weight')}
          />
          <NumberInput
            label="Position"
            min={0}
            max={1000}
            allowDecimal={false}
            placeholder="Last"
            {...form.getInputProps('position')}
            key={form.key('position')}
          />
        </Group>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            {criterion ? 'Save criterion' : 'Add criterion'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The criteria a programme's proposals are reviewed on: list, add, change weight and range, delete. */
export function ReviewCriteria({ programId, criteria }: { programId: string; criteria: readonly Criterion[] }) {
  const { client } = useSession();
  const [editing, setEditing] = useState<Criterion | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Criterion | null>(null);
  const remove = useAction(
    (criterion: Criterion) => client.reviewCriteria.delete({ id: criterion.id, version: criterion.version }),
    {
      success: 'The criterion was deleted.',
      invalidate: [['program', programId]],
      onSuccess: () => setDeleting(null),
    },
  );
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);

  return (
    <Stack gap="sm" component="section" aria-label="Review criteria">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Review criteria
        </Title>
        <Button size="xs" variant="light" onClick={() => setEditing('new')}>
          Add criterion
        </Button>
      </Group>
      {criteria.length === 0 ? (
        <Text size="sm" c="dimmed">
          No criteria yet: reviewers of this programme's proposals score them on the criteria listed here.
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="criteria-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              <Table.Th>Range</Table.Th>
              <Table.Th>Weight</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...criteria]
              .sort((a, b) => a.position - b.position)
              .map((c) => (
                <Table.Tr key={c.id} data-testid="criterion-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                    {c.description && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {c.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.minScore} to {c.maxScore}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.weight}
                    {totalWeight > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({Math.round((c.weight / totalWeight) * 100)}%)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(c)}
                        aria-label={`Edit ${c.name}`}
                      >
                        Edit
                      </Button>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        onClick={() => setDeleting(c)}
                        aria-label={`Delete ${c.name}`}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add a review criterion' : `Edit “${editing?.name ?? ''}”`}
        size="lg"
      >
        {editing !== null && (
          <CriterionForm
            key={editing === 'new' ? 'new' : editing.id}
            programId={programId}
            criterion={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete this criterion?" centered>
        <Text size="sm" mb="md">
          “{deleting?.name}” is removed from this programme's reviews. The API refuses if a review has already scored
          it.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setDeleting(null)}>
            Keep it
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>
            Delete criterion
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
