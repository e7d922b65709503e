import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { PersonFieldsFragment, Sex } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../lib/actions.ts';
import { EditorActions, EditorDrawer } from '../../lib/forms/EditorDrawer.tsx';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { pickerProps } from '../../lib/forms/pickerProps.ts';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { OrganizationSelect } from '../pickers/pickers.tsx';

const SEXES: Sex[] = ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'];

/** The editor's values, named as the API's input names them so its userErrors land on the right field. */
interface PersonValues extends Record<string, unknown> {
  givenName: string;
  familyName: string;
  organizationId: string | null;
  jobTitle: string;
  email: string;
  phone: string;
  nationality: string;
  sex: Sex | null;
  birthYear: number | string;
  bio: string;
}

function valuesOf(person: PersonFieldsFragment | null): PersonValues {
  return {
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    organizationId: person?.organization?.id ?? null,
    jobTitle: person?.jobTitle ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    nationality: person?.nationality ?? '',
    sex: person?.sex ?? null,
    birthYear: person?.birthYear ?? '',
    bio: person?.bio ?? '',
  };
}

const text = (value: string) => value.trim() || null;

/**
 * Records a participant, speaker or expert, or changes one. Personal details the viewer may not read come
 * back empty; saving leaves them as they are, since only what was changed is sent.
 */
export function PersonEditor({ person, onClose }: { person: PersonFieldsFragment | null; onClose(): void }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const initial = valuesOf(person);
  const editor = useMutationForm({
    initialValues: initial,
    version: person?.version,
    validate: {
      givenName: (value: string) => (value.trim() ? null : 'Give the given name.'),
      familyName: (value: string) => (value.trim() ? null : 'Give the family name.'),
    },
    mutate: (values, version) => {
      const fields = {
        givenName: values.givenName.trim(),
        familyName: values.familyName.trim(),
        organizationId: values.organizationId,
        jobTitle: text(values.jobTitle),
        email: text(values.email),
        phone: text(values.phone),
        nationality: text(values.nationality),
        sex: values.sex,
        birthYear: values.birthYear === '' ? null : Number(values.birthYear),
        bio: text(values.bio),
      };
      if (!person) return client.people.create(fields);
      // Only the fields edited: an empty field the viewer could not read is not a request to clear it.
      const changed = Object.fromEntries(Object.entries(fields).filter(([key]) => values[key] !== initial[key]));
      return client.people.update({ id: person.id, version: version!, ...changed });
    },
    onSuccess: async () => {
      await queries.invalidateQueries();
      onClose();
    },
    reload: async () => {
      const fresh = await client.people.get(person!.id);
      if (!fresh) throw new Error('This person has been deleted.');
      return { values: valuesOf(fresh), version: fresh.version };
    },
  });
  const { form } = editor;
  const remove = useAction(() => client.people.delete({ id: person!.id, version: person!.version }), {
    success: 'The person was deleted.',
    onSuccess: onClose,
  });

  return (
    <EditorDrawer title={person ? 'Edit person' : 'New person'} dirty={form.isDirty()} onClose={onClose}>
      <form onSubmit={editor.onSubmit} noValidate>
        <Stack gap="sm">
          <FormErrors errors={editor.formErrors} />
          {editor.conflict && (
            <ConflictNotice what="person" onReload={editor.reloadTheirs} onReapply={editor.reapplyMine} />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Given name" required data-autofocus {...form.getInputProps('givenName')} />
            <TextInput label="Family name" required {...form.getInputProps('familyName')} />
          </SimpleGrid>
          <OrganizationSelect
            label="Organization"
            description="Where they work"
            selectedLabel={person?.organization?.name}
            {...pickerProps(form, 'organizationId')}
          />
          <TextInput label="Job title" {...form.getInputProps('jobTitle')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Email" type="email" {...form.getInputProps('email')} />
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
            <TextInput label="Nationality" description="ISO code, such as UZ" {...form.getInputProps('nationality')} />
            <Select
              label="Sex"
              data={SEXES.map((sex) => ({ value: sex, label: enumLabel(sex) }))}
              clearable
              {...form.getInputProps('sex')}
            />
            <NumberInput label="Year of birth" allowDecimal={false} {...form.getInputProps('birthYear')} />
          </SimpleGrid>
          <Textarea label="Biography" autosize minRows={2} {...form.getInputProps('bio')} />
          <EditorActions
            saveLabel={person ? 'Save person' : 'Create person'}
            saving={editor.submitting}
            onCancel={onClose}
            remove={
              person && { label: 'Delete person', pending: remove.isPending, run: () => remove.mutate(undefined) }
            }
          />
        </Stack>
      </form>
    </EditorDrawer>
  );
}
