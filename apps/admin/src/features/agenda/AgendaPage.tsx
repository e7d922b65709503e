import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { type SessionFieldsFragment, SessionsListDocument } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { useCanManageSeminar, useSeminar } from '../seminars/useSeminar.ts';
import { KIND_COLOURS } from './kinds.ts';
import { SessionEditor } from './SessionEditor.tsx';
import { dayLabel, daysBetween } from './time.ts';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What the editor is open on: a session, or a new one on a day. */
type Editing = { session: SessionFieldsFragment } | { day: string } | null;

/** The seminar's agenda, day by day in the seminar's own time zone, with the session editor for staff. */
export function AgendaPage() {
  const seminar = useSeminar().data!;
  const { client } = useSession();
  const staff = useCanManageSeminar();
  const [editing, setEditing] = useState<Editing>(null);
  const sessions = useQuery({
    queryKey: ['agenda', seminar.id],
    queryFn: async () => {
      const all: SessionFieldsFragment[] = [];
      const filter = { seminarId: { eq: seminar.id } };
      for await (const session of client.paginate(
        SessionsListDocument,
        { filter },
        { path: 'sessions', pageSize: 100 },
      ))
        all.push(session);
      return all;
    },
  });

  const byDay = new Map<string, SessionFieldsFragment[]>();
  for (const session of sessions.data ?? []) {
    const day = session.startsAtLocal.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }
  const days = daysBetween(seminar.startDate, seminar.endDate);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {sessions.data ? `${plural(sessions.data.length, 'session')} over ${plural(days.length, 'day')}` : ' '} ·
          times in {seminar.timezone}
        </Text>
        {staff && <Button onClick={() => setEditing({ day: seminar.startDate })}>Add session</Button>}
      </Group>
      {sessions.isError && <Text c="red">The agenda could not be loaded: {sessions.error.message}</Text>}
      {sessions.isPending
        ? Array.from({ length: 3 }, (_, index) => <Skeleton key={`loading-${index}`} h={160} radius="md" />)
        : days.map((day, index) => (
            <Card key={day} withBorder radius="md" padding="md" component="section" aria-labelledby={`day-${day}`}>
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h5" id={`day-${day}`}>
                  Day {index + 1} · {dayLabel(day)}
                </Title>
                {staff && (
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ day })}>
                    Add on this day
                  </Button>
                )}
              </Group>
              {(byDay.get(day) ?? []).length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nothing planned.
                </Text>
              ) : (
                <Stack gap={0}>
                  {byDay.get(day)!.map((session) => (
                    <SessionRow
                      key={session.id}
                      session={session}
                      onEdit={staff ? () => setEditing({ session }) : undefined}
                    />
                  ))}
                </Stack>
              )}
            </Card>
          ))}
      {editing && (
        <SessionEditor
          seminar={seminar}
          session={'session' in editing ? editing.session : null}
          day={'day' in editing ? editing.day : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function SessionRow({ session, onEdit }: { session: SessionFieldsFragment; onEdit?: () => void }) {
  const body = (
    <Group
      gap="md"
      wrap="nowrap"
      align="flex-start"
      py="xs"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Text size="sm" fw={600} w={104} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
        {session.startsAtLocal.slice(11, 16)}–{session.endsAtLocal.slice(11, 16)}
      </Text>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Badge size="sm" variant="light" color={KIND_COLOURS[session.kind]}>
            {enumLabel(session.kind)}
          </Badge>
          <Text size="sm" fw={500}>
            {session.title}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {[
            session.place?.name,
            session.hostOrganization && `hosted by ${session.hostOrganization.name}`,
            session.speakers.length > 0 &&
              session.speakers.map((speaker) => `${speaker.person.fullName} (${enumLabel(speaker.role)})`).join(', '),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
  if (!onEdit) return <div data-testid="agenda-session">{body}</div>;
  return (
    <UnstyledButton onClick={onEdit} data-testid="agenda-session" aria-label={`Edit ${session.title}`}>
      {body}
    </UnstyledButton>
  );
}
