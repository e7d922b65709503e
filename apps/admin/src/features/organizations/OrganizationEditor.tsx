import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { OrganizationFieldsFragment, OrganizationType } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../lib/actions.ts';
import { CountryCodeInput } from '../../lib/forms/CountryCodeInput.tsx';
import { EditorActions, EditorDrawer } from '../../lib/forms/EditorDrawer.tsx';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { pickerProps } from '../../lib/forms/pickerProps.ts';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { OrganizationSelect } from '../pickers/pickers.tsx';
import { ORGANIZATION_TYPES } from './types.ts';

/** The editor's values, named as the API's input names them so its userErrors land on the right field. */
interface OrganizationValues extends Record<string, unknown> {
  name: string;
  acronym: string;
  type: OrganizationType | null;
  countryCode: string;
  parentId: string | null;
  website: string;
  description: string;
}

function valuesOf(organization: OrganizationFieldsFragment | null): OrganizationValues {
  return {
    name: organization?.name ?? '',
    acronym: organization?.acronym ?? '',
    type: organization?.type ?? null,
    countryCode: organization?.countryCode ?? '',
    parentId: organization?.parent?.id ?? null,
    website: organization?.website ?? '',
    description: organization?.description ?? '',
  };
}

/** Records an organization or changes one; deleting one still in use is refused by the API, in its words. */
export function OrganizationEditor({
  organization,
  onClose,
}: {
  organization: OrganizationFieldsFragment | null;
  onClose(): void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const editor = useMutationForm({
    initialValues: valuesOf(organization),
    version: organization?.version,
    validate: {
      name: (value: string) => (value.trim() ? null : 'Give the organization its name.'),
      type: (value: OrganizationType | null) => (value ? null : 'Choose what kind of organization it is.'),
      countryCode: (value: string) => (/^[A-Z]{2}$/.test(value) ? null : 'Two capital letters, such as KR or UZ.'),
    },
    mutate: (values, version) => {
      const fields = {
        name: values.name.trim(),
        acronym: values.acronym.trim() || null,
        type: values.type!,
        countryCode: values.countryCode,
        parentId: values.parentId,
        website: values.website.trim() || null,
        description: values.description.trim() || null,
      };
      return organization
        ? client.organizations.update({ id: organization.id, version: version!, ...fields })
        : client.organizations.create(fields);
    },
    onSuccess: async () => {
      await queries.invalidateQueries();
      onClose();
    },
    reload: async () => {
      const fresh = await client.organizations.get(organization!.id);
      if (!fresh) throw new Error('This organization has been deleted.');
      return { values: valuesOf(fresh), version: fresh.version };
    },
  });
  const { form } = editor;
  const remove = useAction(
    () => client.organizations.delete({ id: organization!.id, version: organization!.version }),
    { success: 'The organization was deleted.', onSuccess: onClose },
  );

  return (
    <EditorDrawer
      title={organization ? 'Edit organization' : 'New organization'}
      dirty={form.isDirty()}
      onClose={onClose}
    >
      <form onSubmit={editor.onSubmit} noValidate>
        <Stack gap="sm">
          <FormErrors errors={editor.formErrors} />
          {editor.conflict && (
            <ConflictNotice what="organization" onReload={editor.reloadTheirs} onReapply={editor.reapplyMine} />
          )}
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Acronym" {...form.getInputProps('acronym')} />
            <Select
              label="Type"
              required
              data={ORGANIZATION_TYPES.map((type) => ({ value: type, label: enumLabel(type) }))}
              {...form.getInputProps('type')}
            />
            <CountryCodeInput
              {...form.getInputProps('countryCode')}
              onValue={(code) => form.setFieldValue('countryCode', code)}
            />
            <TextInput label="Website" placeholder="https://" {...form.getInputProps('website')} />
          </SimpleGrid>
          <OrganizationSelect
            label="Part of"
            description="The ministry or body it belongs to"
            selectedLabel={organization?.parent?.name}
            {...pickerProps(form, 'parentId')}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <EditorActions
            saveLabel={organization ? 'Save organization' : 'Create organization'}
            saving={editor.submitting}
            onCancel={onClose}
            remove={
              organization && {
                label: 'Delete organization',
                pending: remove.isPending,
                run: () => remove.mutate(undefined),
              }
            }
          />
        </Stack>
      </form>
    </EditorDrawer>
  );
}
