import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ProgramFieldsFragment } from '@seminarhub/sdk';
import { useEffect, useRef, useState } from 'react';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { UnsavedChangesGuard } from '../../lib/forms/UnsavedChangesGuard.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { OrganizationSelect } from '../pickers/pickers.tsx';

export type ProgramValues = {
  code: string;
  title: string;
  description: string;
  sector: string;
  funderId: string | null;
  implementerId: string | null;
};

const valuesOf = (program?: ProgramFieldsFragment): ProgramValues => ({
  code: program?.code ?? '',
  title: program?.title ?? '',
  description: program?.description ?? '',
  sector: program?.sector ?? '',
  funderId: program?.funder.id ?? null,
  implementerId: program?.implementer.id ?? null,
});

const required = (what: string) => (value: unknown) =>
  typeof value === 'string' && value.trim() ? null : `${what} is required.`;

export interface ProgramFormProps {
  /** The programme to change; left out, the form creates one. */
  program?: ProgramFieldsFragment;
  /** Administrators may change any programme; others (coordinators) only their own, which the API decides. */
  admin: boolean;
  onSaved(program: ProgramFieldsFragment, created: boolean): void;
  onCancel(): void;
}

/**
 * Every field of ProgramCreateInput / ProgramUpdateInput. The API's userErrors land on their fields (a code
 * another programme has, on the code); a stale version offers their version or mine over it; leaving with
 * unsaved edits asks first.
 */
export function ProgramForm({ program, admin, onSaved, onCancel }: ProgramFormProps) {
  const { client } = useSession();
  const [labels, setLabels] = useState({ funder: program?.funder.name, implementer: program?.implementer.name });
  const [reloads, setReloads] = useState(0);
  const [saved, setSaved] = useState<{ program: ProgramFieldsFragment; created: boolean } | null>(null);

  const { form, submitting, formErrors, conflict, onSubmit, reloadTheirs, reapplyMine } = useMutationForm({
    initialValues: valuesOf(program),
    version: program?.version,
    validate: {
      code: required('A code'),
      title: required('A title'),
      funderId: (value) => (value ? null : 'Choose the organization that funds it.'),
      implementerId: (value) => (value ? null : 'Choose the organization that runs it.'),
    },
    mutate: (values, version) => {
      const fields = {
        code: values.code.trim(),
        title: values.title.trim(),
        description: values.description.trim() || null,
        sector: values.sector.trim() || null,
        funderId: values.funderId!,
        implementerId: values.implementerId!,
      };
      return program
        ? client.programs.update({ id: program.id, version: version!, ...fields })
        : client.programs.create(fields);
    },
    onSuccess: (result) => {
      notifications.show({
        color: 'green',
        message: program ? 'The programme was saved.' : 'The programme was created.',
      });
      // Navigate once this render has forgotten the edits, so the unsaved-changes guard lets it through.
      setSaved({ program: result.program!, created: !program });
    },
    reload: async () => {
      const current = await client.programs.get(program!.id);
      if (!current) throw new Error('The programme was deleted meanwhile.');
      setLabels({ funder: current.funder.name, implementer: current.implementer.name });
      setReloads((n) => n + 1);
      return { values: valuesOf(current), version: current.version };
    },
  });

  const savedHandler = useRef(onSaved);
  savedHandler.current = onSaved;
  useEffect(() => {
    if (saved) savedHandler.current(saved.program, saved.created);
  }, [saved]);

  // A coordinator of another programme gets what a missing programme gets; say it in their terms.
  const errors = formErrors.map((message) =>
    !admin && message === 'There is no such programme.'
      ? 'You may change only the programmes you coordinate; ask an administrator to change this one.'
      : message,
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={program ? 'Programme' : 'New programme'}>
      <UnsavedChangesGuard when={form.isDirty() && !saved} />
      <Stack gap="sm">
        {conflict && (
          <ConflictNotice what="programme" onReload={() => void reloadTheirs()} onReapply={() => void reapplyMine()} />
        )}
        <FormErrors errors={errors} />
        <Group grow align="flex-start">
          <TextInput
            label="Code"
            description="Unique: letters, digits, dots, dashes or underscores"
            required
            maxLength={30}
            {...form.getInputProps('code')}
            key={form.key('code')}
          />
          <TextInput label="Sector" maxLength={200} {...form.getInputProps('sector')} key={form.key('sector')} />
        </Group>
        <TextInput label="Title" required maxLength={300} {...form.getInputProps('title')} key={form.key('title')} />
        <Textarea
          label="Description"
          description="Aims and scope"
          autosize
          minRows={3}
          maxRows={10}
          maxLength={10_000}
          {...form.getInputProps('description')}
          key={form.key('description')}
        />
        <OrganizationSelect
          key={`funder-${reloads}`}
          label="Funder"
          description="The organization that funds the programme"
          required
          selectedLabel={labels.funder}
          value={form.getValues().funderId}
          error={form.errors.funderId}
          onChange={(value) => form.setFieldValue('funderId', value)}
        />
        <OrganizationSelect
          key={`implementer-${reloads}`}
          label="Implementer"
          description="The organization that runs it (it may be the funder)"
          required
          selectedLabel={labels.implementer}
          value={form.getValues().implementerId}
          error={form.errors.implementerId}
          onChange={(value) => form.setFieldValue('implementerId', value)}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {program ? 'Close' : 'Cancel'}
          </Button>
          <Button type="submit" loading={submitting}>
            {program ? 'Save programme' : 'Create programme'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
