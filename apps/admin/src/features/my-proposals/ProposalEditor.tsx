import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { UnsavedChangesGuard } from '../../lib/forms/UnsavedChangesGuard.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { OrganizationSelect } from '../pickers/pickers.tsx';
import type { ProposalDetails } from '../proposals/useProposals.ts';

interface ProposalValues extends Record<string, unknown> {
  seminarId: string | null;
  title: string;
  summary: string;
  problem: string;
  objectives: string;
  implementingOrganizationId: string | null;
}

/** The proposal's texts, each a textarea. */
const TEXTS = [
  { name: 'summary', label: 'Summary', description: 'What it would do, in a paragraph.', rows: 2 },
  { name: 'problem', label: 'Problem', description: 'The problem it addresses.', rows: 3 },
  { name: 'objectives', label: 'Objectives', description: 'What it aims to achieve.', rows: 3 },
] as const;

/** Enrollments that give a place in a seminar, and so the right to write a proposal in it. */
const WRITING = ['ACCEPTED', 'CONFIRMED', 'COMPLETED'];

function valuesOf(proposal: ProposalDetails | undefined): ProposalValues {
  return {
    seminarId: proposal?.seminar.id ?? null,
    title: proposal?.title ?? '',
    summary: proposal?.summary ?? '',
    problem: proposal?.problem ?? '',
    objectives: proposal?.objectives ?? '',
    implementingOrganizationId: proposal?.implementingOrganization?.id ?? null,
  };
}

/** The seminars the viewer has a place in, to write a proposal for. */
function useMySeminars(enabled: boolean) {
  const { client } = useSession();
  const { personId } = useViewer();
  return useQuery({
    queryKey: ['list', 'enrollments', 'mine', personId],
    enabled: enabled && Boolean(personId),
    queryFn: async () =>
      (await client.enrollments.list({ first: 100, filter: { personId: { eq: personId! } } })).nodes
        .filter((enrollment) => WRITING.includes(enrollment.status))
        .map((enrollment) => ({ value: enrollment.seminar.id, label: enrollment.seminar.title })),
  });
}

/**
 * Writes a new proposal (the viewer leads its team) or edits a draft. Editing names the version read,
 * so a teammate's save in between is a conflict to resolve rather than a silent overwrite.
 */
export function ProposalEditor({
  proposal,
  onDirtyChange,
}: {
  proposal?: ProposalDetails;
  /** Told when the form gets or loses unsaved edits, so that a page can hold back what would skip them. */
  onDirtyChange?(dirty: boolean): void;
}) {
  const { client } = useSession();
  const { personId } = useViewer();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const creating = !proposal;
  const seminars = useMySeminars(creating);
  const text = (value: string) => value.trim() || null;
  /** The proposal as this editor read it (it is remounted on each saved version). */
  const read = valuesOf(proposal);
  const { form, onSubmit, submitting, formErrors, conflict, reloadTheirs, reapplyMine } = useMutationForm({
    initialValues: read,
    version: proposal?.version,
    validate: {
      seminarId: (value) => (creating && !value ? 'Choose the seminar.' : null),
      title: (value) => (value.trim() ? null : 'Give the proposal a title.'),
    },
    mutate: (values, version) =>
      proposal
        ? client.proposals.update({
            id: proposal.id,
            version: version ?? proposal.version,
            // Only what was edited here: saving over a teammate's version keeps the fields they changed.
            ...(values.title !== read.title ? { title: values.title.trim() } : {}),
            ...Object.fromEntries(
              TEXTS.filter(({ name }) => values[name] !== read[name]).map(({ name }) => [name, text(values[name])]),
            ),
          })
        : client.proposals.create({
            seminarId: values.seminarId!,
            title: values.title.trim(),
            summary: text(values.summary),
            problem: text(values.problem),
            objectives: text(values.objectives),
            implementingOrganizationId: values.implementingOrganizationId,
            // The API requires a participant to be in the team; the writer leads it.
            memberIds: personId ? [personId] : [],
          }),
    onSuccess: async (result) => {
      notifications.show({ color: 'green', message: creating ? 'The proposal is saved as a draft.' : 'Saved.' });
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['list'] }),
        queries.invalidateQueries({ queryKey: ['proposal', result.proposal!.id] }),
      ]);
      if (creating) navigate(`/my-proposals/${result.proposal!.id}`);
    },
    reload: async () => {
      const fresh = await client.proposals.get(proposal!.id);
      if (!fresh) throw new Error('The proposal is gone.');
      return { values: valuesOf(fresh), version: fresh.version };
    },
  });

  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={creating ? 'New proposal' : 'Edit proposal'}>
      <UnsavedChangesGuard when={dirty && !submitting} />
      <Stack gap="sm">
        {conflict && <ConflictNotice what="proposal" onReload={reloadTheirs} onReapply={reapplyMine} />}
        <FormErrors errors={formErrors} />
        {creating && (
          <Select
            label="Seminar"
            withAsterisk
            placeholder={seminars.isPending ? 'Loading your seminars…' : 'A seminar you take part in'}
            data={seminars.data ?? []}
            nothingFoundMessage="You have no place in a seminar"
            {...form.getInputProps('seminarId')}
          />
        )}
        <TextInput label="Title" withAsterisk maxLength={300} {...form.getInputProps('title')} />
        {TEXTS.map(({ name, label, description, rows }) => (
          <Textarea
            key={name}
            label={label}
            description={description}
            resize="vertical"
            rows={rows}
            {...form.getInputProps(name)}
          />
        ))}
        {creating ? (
          <OrganizationSelect
            label="Implementing organization"
            placeholder="The organization that would carry it out at home"
            value={form.getValues().implementingOrganizationId}
            onChange={(value) => form.setFieldValue('implementingOrganizationId', value)}
            error={form.errors.implementingOrganizationId}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Implementing organization: {proposal.implementingOrganization?.name ?? 'none named'}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            {creating ? 'Save draft' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
