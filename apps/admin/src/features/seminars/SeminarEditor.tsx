import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { DeliveryMode, SeminarFieldsFragment } from '@seminarhub/sdk';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CountryCodeInput } from '../../lib/forms/CountryCodeInput.tsx';
import { EditorActions, EditorDrawer } from '../../lib/forms/EditorDrawer.tsx';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { pickerProps } from '../../lib/forms/pickerProps.ts';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { OrganizationSelect } from '../pickers/pickers.tsx';

const DELIVERY_MODES: DeliveryMode[] = ['IN_PERSON', 'BLENDED', 'ONLINE'];
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** The editor's values, named as the API's input names them so its userErrors land on the right field. */
interface SeminarValues extends Record<string, unknown> {
  programId: string | null;
  title: string;
  code: string;
  startDate: string;
  endDate: string;
  timezone: string | null;
  countryCode: string;
  city: string;
  venue: string;
  capacity: number | string;
  deliveryMode: DeliveryMode;
  partnerId: string | null;
  description: string;
}

function valuesOf(seminar: SeminarFieldsFragment): SeminarValues {
  return {
    programId: seminar.program.id,
    title: seminar.title,
    code: seminar.code ?? '',
    startDate: seminar.startDate,
    endDate: seminar.endDate,
    timezone: seminar.timezone,
    countryCode: seminar.countryCode,
    city: seminar.city ?? '',
    venue: seminar.venue ?? '',
    capacity: seminar.capacity ?? '',
    deliveryMode: seminar.deliveryMode,
    partnerId: seminar.partner?.id ?? null,
    description: seminar.description ?? '',
  };
}

const BLANK: SeminarValues = {
  programId: null,
  title: '',
  code: '',
  startDate: '',
  endDate: '',
  timezone: null,
  countryCode: '',
  city: '',
  venue: '',
  capacity: '',
  deliveryMode: 'IN_PERSON',
  partnerId: null,
  description: '',
};

/** Creates a seminar in a programme, or changes one; the API's refusals show on their fields. */
export function SeminarEditor({
  seminar,
  onClose,
  onSaved,
}: {
  seminar: SeminarFieldsFragment | null;
  onClose(): void;
  onSaved?(seminar: { id: string }): void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const programs = useQuery({
    queryKey: ['programs', 'options'],
    queryFn: async () => (await client.programs.list({ first: 100 })).nodes,
  });
  const editor = useMutationForm({
    initialValues: seminar ? valuesOf(seminar) : BLANK,
    version: seminar?.version,
    validate: {
      programId: (value: string | null) => (value ? null : 'Choose the programme.'),
      title: (value: string) => (value.trim() ? null : 'Give the seminar a title.'),
      startDate: (value: string) => (value ? null : 'Give the first day.'),
      endDate: (value: string, values: SeminarValues) =>
        !value ? 'Give the last day.' : value < values.startDate ? 'The last day cannot be before the first.' : null,
      timezone: (value: string | null) => (value ? null : 'Choose the time zone the agenda is held in.'),
      countryCode: (value: string) => (/^[A-Z]{2}$/.test(value) ? null : 'Two capital letters, such as KR or UZ.'),
    },
    mutate: (values, version) => {
      const fields = {
        title: values.title.trim(),
        code: values.code.trim() || null,
        startDate: values.startDate,
        endDate: values.endDate,
        timezone: values.timezone!,
        countryCode: values.countryCode,
        city: values.city.trim() || null,
        venue: values.venue.trim() || null,
        capacity: values.capacity === '' ? null : Number(values.capacity),
        deliveryMode: values.deliveryMode,
        partnerId: values.partnerId,
        description: values.description.trim() || null,
      };
      return seminar
        ? client.seminars.update({ id: seminar.id, version: version!, ...fields })
        : client.seminars.create({ programId: values.programId!, ...fields });
    },
    onSuccess: async (result) => {
      await queries.invalidateQueries({ queryKey: ['seminar'] });
      await queries.invalidateQueries({ queryKey: ['list'] });
      onSaved?.(result.seminar!);
      onClose();
    },
    reload: async () => {
      const fresh = await client.seminars.get(seminar!.id);
      if (!fresh) throw new Error('This seminar has been deleted.');
      return { values: valuesOf(fresh), version: fresh.version };
    },
  });
  const { form } = editor;

  return (
    <EditorDrawer title={seminar ? 'Edit seminar' : 'New seminar'} dirty={form.isDirty()} onClose={onClose}>
      <form onSubmit={editor.onSubmit} noValidate>
        <Stack gap="sm">
          <FormErrors errors={editor.formErrors} />
          {editor.conflict && (
            <ConflictNotice what="seminar" onReload={editor.reloadTheirs} onReapply={editor.reapplyMine} />
          )}
          <Select
            label="Programme"
            required
            disabled={!!seminar}
            data={(programs.data ?? []).map((program) => ({ value: program.id, label: program.title }))}
            placeholder={programs.isPending ? 'Loading…' : 'Choose a programme'}
            {...form.getInputProps('programId')}
          />
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Code" placeholder="KOICA-CIAT-2026-UZ" {...form.getInputProps('code')} />
            <Select
              label="Delivery"
              data={DELIVERY_MODES.map((mode) => ({ value: mode, label: enumLabel(mode) }))}
              allowDeselect={false}
              {...form.getInputProps('deliveryMode')}
            />
            <TextInput type="date" label="First day" required {...form.getInputProps('startDate')} />
            <TextInput type="date" label="Last day" required {...form.getInputProps('endDate')} />
            <Select
              label="Time zone"
              description="Where the agenda is held"
              required
              searchable
              data={TIME_ZONES}
              {...form.getInputProps('timezone')}
            />
            <CountryCodeInput
              {...form.getInputProps('countryCode')}
              onValue={(code) => form.setFieldValue('countryCode', code)}
            />
            <TextInput label="City" {...form.getInputProps('city')} />
            <NumberInput
              label="Places"
              description="Empty for no limit"
              min={1}
              allowDecimal={false}
              {...form.getInputProps('capacity')}
            />
          </SimpleGrid>
          <TextInput label="Venue" {...form.getInputProps('venue')} />
          <OrganizationSelect
            label="Partner organization"
            description="The ministry or agency whose staff take part"
            selectedLabel={seminar?.partner?.name}
            {...pickerProps(form, 'partnerId')}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <EditorActions
            saveLabel={seminar ? 'Save seminar' : 'Create seminar'}
            saving={editor.submitting}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </EditorDrawer>
  );
}
