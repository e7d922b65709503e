import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { PlaceFieldsFragment, PlaceKind } from '@seminarhub/sdk';
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
import { PLACE_KINDS } from './kinds.ts';

/** The editor's values, named as the API's input names them so its userErrors land on the right field. */
interface PlaceValues extends Record<string, unknown> {
  name: string;
  kind: PlaceKind;
  address: string;
  city: string;
  countryCode: string;
  hostOrganizationId: string | null;
}

function valuesOf(place: PlaceFieldsFragment | null): PlaceValues {
  return {
    name: place?.name ?? '',
    kind: place?.kind ?? 'VENUE',
    address: place?.address ?? '',
    city: place?.city ?? '',
    countryCode: place?.countryCode ?? '',
    hostOrganizationId: place?.hostOrganization?.id ?? null,
  };
}

/**
 * Records a venue, site or hotel, or changes one. Deleting a place sessions are held at is refused by the API
 * (IN_USE), in its words. `onSaved` hands the saved place back, for an editor that opened this one.
 */
export function PlaceEditor({
  place,
  onClose,
  onSaved,
}: {
  place: PlaceFieldsFragment | null;
  onClose(): void;
  onSaved?(place: PlaceFieldsFragment): void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const editor = useMutationForm({
    initialValues: valuesOf(place),
    version: place?.version,
    validate: {
      name: (value: string) => (value.trim() ? null : 'Give the place its name.'),
      countryCode: (value: string) => (/^[A-Z]{2}$/.test(value) ? null : 'Two capital letters, such as KR or UZ.'),
    },
    mutate: (values, version) => {
      const fields = {
        name: values.name.trim(),
        kind: values.kind,
        address: values.address.trim() || null,
        city: values.city.trim() || null,
        countryCode: values.countryCode,
        hostOrganizationId: values.hostOrganizationId,
      };
      return place
        ? client.places.update({ id: place.id, version: version!, ...fields })
        : client.places.create(fields);
    },
    onSuccess: async (result) => {
      await queries.invalidateQueries();
      if (result.place) onSaved?.(result.place);
      onClose();
    },
    reload: async () => {
      const fresh = await client.places.get(place!.id);
      if (!fresh) throw new Error('This place has been deleted.');
      return { values: valuesOf(fresh), version: fresh.version };
    },
  });
  const { form } = editor;
  const remove = useAction(() => client.places.delete({ id: place!.id, version: place!.version }), {
    success: 'The place was deleted.',
    onSuccess: onClose,
  });

  return (
    <EditorDrawer title={place ? 'Edit place' : 'New place'} dirty={form.isDirty()} onClose={onClose}>
      <form onSubmit={editor.onSubmit} noValidate>
        <Stack gap="sm">
          <FormErrors errors={editor.formErrors} />
          {editor.conflict && (
            <ConflictNotice what="place" onReload={editor.reloadTheirs} onReapply={editor.reapplyMine} />
          )}
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Select
            label="Kind"
            required
            allowDeselect={false}
            data={PLACE_KINDS.map((kind) => ({ value: kind, label: enumLabel(kind) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label="Address" {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="City" {...form.getInputProps('city')} />
            <CountryCodeInput
              {...form.getInputProps('countryCode')}
              onValue={(code) => form.setFieldValue('countryCode', code)}
            />
          </SimpleGrid>
          <OrganizationSelect
            label="Host organization"
            description="The organization that runs the place"
            selectedLabel={place?.hostOrganization?.name}
            {...pickerProps(form, 'hostOrganizationId')}
          />
          <EditorActions
            saveLabel={place ? 'Save place' : 'Create place'}
            saving={editor.submitting}
            onCancel={onClose}
            remove={place && { label: 'Delete place', pending: remove.isPending, run: () => remove.mutate(undefined) }}
          />
        </Stack>
      </form>
    </EditorDrawer>
  );
}
