import { Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import type { Account } from './roles.ts';

const label = (item: { code?: string | null; title: string }) =>
  item.code ? `${item.code} · ${item.title}` : item.title;

/**
 * The programmes (with all their seminars) and the single seminars a coordinator manages, replaced as a whole
 * by `coordinatorAssignmentsSet`. The choices are the first 100 of each, as the API assigns at most 100.
 */
export function CoordinatorAssignments({
  account,
  onSaved,
  onDirty,
}: {
  account: Account;
  onSaved(account: Account): void;
  onDirty(dirty: boolean): void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const choices = useQuery({
    queryKey: ['assignment-choices'],
    queryFn: async () => {
      const [programs, seminars] = await Promise.all([
        client.programs.list({ first: 100 }),
        client.seminars.list({ first: 100 }),
      ]);
      return { programs: programs.nodes, seminars: seminars.nodes };
    },
  });
  const { form, submitting, formErrors, onSubmit } = useMutationForm({
    initialValues: {
      programIds: account.coordinatedPrograms.map((program) => program.id),
      seminarIds: account.coordinatedSeminars.map((seminar) => seminar.id),
    },
    mutate: (values) =>
      client.users.coordinatorAssignmentsSet({
        userId: account.id,
        programIds: values.programIds,
        seminarIds: values.seminarIds,
      }),
    onSuccess: async (result) => {
      await queries.invalidateQueries({ queryKey: ['list'] });
      onSaved({ ...account, ...result.user! });
    },
  });
  const dirty = form.isDirty();
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  // What is assigned shows even before (or beyond) the first 100 choices.
  const options = <T extends { id: string; code?: string | null; title: string }>(all: T[] = [], assigned: T[]) => {
    const byId = new Map([...assigned, ...all].map((item) => [item.id, { value: item.id, label: label(item) }]));
    return [...byId.values()];
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Coordinator assignments">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A coordinator manages every seminar of the programmes chosen, and the single seminars chosen besides.
        </Text>
        <FormErrors errors={formErrors} />
        <MultiSelect
          label="Programmes"
          placeholder="Choose programmes"
          searchable
          data={options(choices.data?.programs, account.coordinatedPrograms)}
          {...form.getInputProps('programIds')}
        />
        <MultiSelect
          label="Single seminars"
          placeholder="Choose seminars"
          searchable
          data={options(choices.data?.seminars, account.coordinatedSeminars)}
          {...form.getInputProps('seminarIds')}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={submitting} disabled={!dirty}>
            Save assignments
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
