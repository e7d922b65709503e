import { ActionIcon, Anchor, Checkbox, Group, Input, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { SeminarFieldsFragment, SessionFieldsFragment, SessionKind, SpeakerRole } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAction } from '../../lib/actions.ts';
import { EditorActions, EditorDrawer } from '../../lib/forms/EditorDrawer.tsx';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { pickerProps } from '../../lib/forms/pickerProps.ts';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { OrganizationSelect, PersonSelect, PlaceSelect } from '../pickers/pickers.tsx';
import { PlaceEditor } from '../places/PlaceEditor.tsx';
import { SESSION_KINDS, SPEAKER_ROLES } from './kinds.ts';
import { toInputValue, zonedToIso } from './time.ts';

interface SpeakerValue {
  personId: string;
  name: string;
  role: SpeakerRole;
}

/** The editor's values; names follow the API's input, so its userErrors land on the right field. */
interface SessionValues extends Record<string, unknown> {
  title: string;
  kind: SessionKind | null;
  startsAt: string;
  endsAt: string;
  placeId: string | null;
  hostOrganizationId: string | null;
  speakers: SpeakerValue[];
  description: string;
  language: string;
  attendanceRequired: boolean;
}

function valuesOf(session: SessionFieldsFragment): SessionValues {
  return {
    title: session.title,
    kind: session.kind,
    startsAt: toInputValue(session.startsAtLocal),
    endsAt: toInputValue(session.endsAtLocal),
    placeId: session.place?.id ?? null,
    hostOrganizationId: session.hostOrganization?.id ?? null,
    speakers: [...session.speakers]
      .sort((a, b) => a.position - b.position)
      .map((speaker) => ({ personId: speaker.person.id, name: speaker.person.fullName, role: speaker.role })),
    description: session.description ?? '',
    language: session.language ?? '',
    attendanceRequired: session.attendanceRequired,
  };
}

function blank(day: string): SessionValues {
  return {
    title: '',
    kind: 'LECTURE',
    startsAt: `${day}T09:00`,
    endsAt: `${day}T10:30`,
    placeId: null,
    hostOrganizationId: null,
    speakers: [],
    description: '',
    language: '',
    attendanceRequired: true,
  };
}

export interface SessionEditorProps {
  seminar: SeminarFieldsFragment;
  /** The session to change; null to add one. */
  session: SessionFieldsFragment | null;
  /** The day a new session starts on. */
  day?: string;
  onClose(): void;
}

/**
 * Adds or changes an agenda item: kind, times in the seminar's zone, place, host organization and speakers
 * with their roles. The API checks the seminar's dates and double bookings (CLASH) and says which field.
 */
export function SessionEditor({ seminar, session, day = seminar.startDate, onClose }: SessionEditorProps) {
  const { client } = useSession();
  const queries = useQueryClient();
  const [labels, setLabels] = useState(() => ({
    place: session?.place?.name ?? null,
    host: session?.hostOrganization?.name ?? null,
  }));
  // A place recorded from here, without leaving the session: it is chosen once saved.
  const [addingPlace, setAddingPlace] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: ['agenda', seminar.id] });

  const editor = useMutationForm({
    initialValues: session ? valuesOf(session) : blank(day),
    version: session?.version,
    validate: {
      title: (value: string) => (value.trim() ? null : 'Give the session a title.'),
      kind: (value: SessionKind | null) => (value ? null : 'Choose what kind of session this is.'),
      endsAt: (value: string, values: SessionValues) =>
        value > values.startsAt ? null : 'The session must end after it starts.',
    },
    mutate: (values, version) => {
      const fields = {
        title: values.title.trim(),
        kind: values.kind!,
        startsAt: zonedToIso(values.startsAt, seminar.timezone),
        endsAt: zonedToIso(values.endsAt, seminar.timezone),
        placeId: values.placeId,
        hostOrganizationId: values.hostOrganizationId,
        speakers: values.speakers.map(({ personId, role }) => ({ personId, role })),
        description: values.description.trim() || null,
        language: values.language.trim() || null,
        attendanceRequired: values.attendanceRequired,
      };
      return session
        ? client.sessions.update({ id: session.id, version: version!, ...fields })
        : client.sessions.create({ seminarId: seminar.id, ...fields });
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    reload: async () => {
      const node = await client.nodes.get(session!.id);
      if (node?.__typename !== 'Session') throw new Error('This session has been deleted.');
      return { values: valuesOf(node), version: node.version };
    },
  });
  const { form } = editor;
  const remove = useAction(() => client.sessions.delete({ id: session!.id, version: session!.version }), {
    success: 'The session was deleted.',
    invalidate: [['agenda', seminar.id]],
    onSuccess: onClose,
  });

  const speakers = form.getValues().speakers;

  return (
    <EditorDrawer title={session ? `Edit session` : 'Add a session'} dirty={form.isDirty()} onClose={onClose}>
      <form onSubmit={editor.onSubmit} noValidate>
        <Stack gap="sm">
          <FormErrors errors={editor.formErrors} />
          {editor.conflict && (
            <ConflictNotice what="session" onReload={editor.reloadTheirs} onReapply={editor.reapplyMine} />
          )}
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <Select
            label="Kind"
            required
            data={SESSION_KINDS.map((kind) => ({ value: kind, label: enumLabel(kind) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Group grow align="flex-start">
            <TextInput
              type="datetime-local"
              label="Starts"
              description={`In ${seminar.timezone}`}
              required
              {...form.getInputProps('startsAt')}
            />
            <TextInput
              type="datetime-local"
              label="Ends"
              description={`In ${seminar.timezone}`}
              required
              {...form.getInputProps('endsAt')}
            />
          </Group>
          <Stack gap={4}>
            <PlaceSelect
              // Mounted again with a place just recorded, so that it shows as chosen.
              key={labels.place ?? ''}
              label="Place"
              placeholder="Search places"
              selectedLabel={labels.place}
              {...pickerProps(form, 'placeId')}
            />
            <Anchor component="button" type="button" size="xs" ta="left" onClick={() => setAddingPlace(true)}>
              Not listed? Record a new place
            </Anchor>
          </Stack>
          <OrganizationSelect
            label="Host organization"
            placeholder="Search organizations"
            selectedLabel={labels.host}
            {...pickerProps(form, 'hostOrganizationId')}
          />
          <Input.Wrapper label="Speakers" error={form.errors.speakers}>
            <Stack gap="xs" mt={4}>
              {speakers.map((speaker, index) => (
                <Group key={speaker.personId} gap="xs" wrap="nowrap" data-testid="speaker">
                  <Text size="sm" style={{ flex: 1 }}>
                    {speaker.name}
                  </Text>
                  <Select
                    aria-label={`Role of ${speaker.name}`}
                    data={SPEAKER_ROLES.map((role) => ({ value: role, label: enumLabel(role) }))}
                    allowDeselect={false}
                    w={150}
                    {...form.getInputProps(`speakers.${index}.role`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${speaker.name}`}
                    onClick={() => form.removeListItem('speakers', index)}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              ))}
              <PersonSelect
                aria-label="Add a speaker"
                clearOnChange
                placeholder="Add a speaker: search people"
                value={null}
                onChange={(personId, option) => {
                  if (!personId || !option || speakers.some((s) => s.personId === personId)) return;
                  form.insertListItem('speakers', { personId, name: option.label, role: 'SPEAKER' });
                }}
              />
            </Stack>
          </Input.Wrapper>
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <TextInput label="Language" placeholder="en, ko, uz…" {...form.getInputProps('language')} />
          <Checkbox label="Attendance is taken" {...form.getInputProps('attendanceRequired', { type: 'checkbox' })} />
          <EditorActions
            saveLabel={session ? 'Save session' : 'Add session'}
            saving={editor.submitting}
            onCancel={onClose}
            remove={
              session && { label: 'Delete session', pending: remove.isPending, run: () => remove.mutate(undefined) }
            }
          />
        </Stack>
      </form>
      {addingPlace && (
        <PlaceEditor
          place={null}
          onClose={() => setAddingPlace(false)}
          onSaved={(place) => {
            setLabels((current) => ({ ...current, place: place.city ? `${place.name}, ${place.city}` : place.name }));
            form.setFieldValue('placeId', place.id);
          }}
        />
      )}
    </EditorDrawer>
  );
}
