import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { type SessionFieldsFragment, SessionsListDocument } from '@seminarhub/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { KIND_COLOURS } from './kinds.ts';
import { dayLabel, daysBetween } from './time.ts';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** A seminar's whole agenda, every page of it. */
export function useAgenda(seminarId: string) {
  const { client } = useSession();
  return useQuery({
    queryKey: ['agenda', seminarId],
    queryFn: async () => {
      const all: SessionFieldsFragment[] = [];
      const filter = { seminarId: { eq: seminarId } };
      for await (const session of client.paginate(
        SessionsListDocument,
        { filter },
        { path: 'sessions', pageSize: 100 },
      ))
        all.push(session);
      return all;
    },
  });
}

export interface AgendaDaysProps {
  seminar: { startDate: string; endDate: string; timezone: string };
  sessions: UseQueryResult<SessionFieldsFragment[]>;
  /** Beside the summary line: the staff's "Add session". */
  actions?: ReactNode;
  /** Staff: add a session on this day. */
  onAddOnDay?: (day: string) => void;
  /** Staff: open a session in the editor. */
  onEdit?: (session: SessionFieldsFragment) => void;
  /** What the viewer adds to a session's row: a participant's attendance and feedback. */
  extra?: (session: SessionFieldsFragment) => ReactNode;
}

/**
 * The agenda day by day, from the seminar's first day to its last, with each session's times as wall-clock
 * times in the seminar's own time zone (the API's `startsAtLocal`), whatever the browser's zone. Read-only
 * unless the staff's callbacks are given.
 */
export function AgendaDays({ seminar, sessions, actions, onAddOnDay, onEdit, extra }: AgendaDaysProps) {
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
        {actions}
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
                {onAddOnDay && (
                  <Button size="compact-sm" variant="subtle" onClick={() => onAddOnDay(day)}>
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
                      onEdit={onEdit && (() => onEdit(session))}
                      extra={extra?.(session)}
                    />
                  ))}
                </Stack>
              )}
            </Card>
          ))}
    </Stack>
  );
}

function SessionRow({
  session,
  onEdit,
  extra,
}: {
  session: SessionFieldsFragment;
  onEdit?: (() => void) | undefined;
  extra?: ReactNode;
}) {
  const body = (
    <Group gap="md" wrap="nowrap" align="flex-start" py="xs">
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
  const border = { borderTop: '1px solid var(--mantine-color-gray-2)' };
  if (onEdit) {
    return (
      <UnstyledButton onClick={onEdit} data-testid="agenda-session" aria-label={`Edit ${session.title}`} style={border}>
        {body}
      </UnstyledButton>
    );
  }
  return (
    <div data-testid="agenda-session" style={border}>
      {body}
      {extra && <div style={{ paddingLeft: 120, paddingBottom: 8 }}>{extra}</div>}
    </div>
  );
}
