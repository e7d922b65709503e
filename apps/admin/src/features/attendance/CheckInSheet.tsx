import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Kbd,
  List,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AttendanceStatus, SessionFieldsFragment } from '@seminarhub/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { UnsavedChangesGuard } from '../../lib/forms/UnsavedChangesGuard.tsx';
import { useSession } from '../../lib/session.tsx';
import { dayLabel } from '../agenda/time.ts';
import { PARTICIPATING } from '../enrollments/status.ts';
import { useSeminarEnrollments } from '../enrollments/useSeminarEnrollments.ts';
import { useCanManageSeminar } from '../seminars/useSeminar.ts';
import { CheckInGrid, type CheckInRow } from './CheckInGrid.tsx';
import { ATTENDANCE_COLUMNS } from './statuses.ts';

const NOT_MARKED = 'NOT_MARKED';

/** Lower case, without accents: "Ōzbek" is found by "oz". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Attendance at one session: the confirmed participants (the only ones the API records attendance of),
 * marked here and saved together in one all-or-nothing call.
 */
export function CheckInSheet({ seminarId, session }: { seminarId: string; session: SessionFieldsFragment }) {
  const { client } = useSession();
  const staff = useCanManageSeminar();
  const queries = useQueryClient();
  const enrollments = useSeminarEnrollments(seminarId);
  const [marks, setMarks] = useState<ReadonlyMap<string, AttendanceStatus>>(new Map());
  const [errors, setErrors] = useState<{ messages: string[]; conflict: boolean } | null>(null);
  const [search, setSearch] = useState('');
  const [recordedFilter, setRecordedFilter] = useState<string | null>(null);
  const [organizationFilter, setOrganizationFilter] = useState<string | null>(null);

  const participants = (enrollments.data ?? [])
    .filter((enrollment) => PARTICIPATING.includes(enrollment.status))
    .sort((a, b) => a.person.fullName.localeCompare(b.person.fullName));
  const recordedOf = (enrollment: (typeof participants)[number]) =>
    enrollment.attendance.find((record) => record.session?.id === session.id) ?? null;
  const rows: CheckInRow[] = participants.map((enrollment) => ({
    id: enrollment.id,
    name: enrollment.person.fullName,
    detail: enrollment.person.organization?.name ?? null,
    recorded: recordedOf(enrollment)?.status ?? null,
    unsaved: marks.get(enrollment.id) ?? null,
  }));
  // A room is found by name, by what was saved (not by unsaved marks, so a row stays put while marked) and by
  // organization; the counts, the save and the guard cover every participant, shown or not.
  const words = folded(search).split(/\s+/).filter(Boolean);
  const shownRows = rows.filter(
    (row) =>
      words.every((word) => folded(`${row.name} ${row.detail ?? ''}`).includes(word)) &&
      (recordedFilter === null || (row.recorded ?? NOT_MARKED) === recordedFilter) &&
      (organizationFilter === null || row.detail === organizationFilter),
  );
  const filtered = words.length > 0 || recordedFilter !== null || organizationFilter !== null;
  const organizations = [...new Set(rows.flatMap((row) => (row.detail ? [row.detail] : [])))].sort((a, b) =>
    a.localeCompare(b),
  );
  // A mark equal to what is recorded changes nothing, so it is neither sent nor guarded.
  const changes = rows.filter((row) => row.unsaved !== null && row.unsaved !== row.recorded);
  const remaining = rows.filter((row) => (row.unsaved ?? row.recorded) === null);
  const remainingShown = shownRows.filter((row) => (row.unsaved ?? row.recorded) === null);

  const save = useMutation({
    mutationFn: () => {
      const entries = changes.map((row) => ({
        enrollmentId: row.id,
        status: row.unsaved!,
        // The version read, 0 for none: a mark someone made since is refused, not overwritten.
        version: recordedOf(participants.find((p) => p.id === row.id)!)?.version ?? 0,
      }));
      return client.attendance.mark({ sessionId: session.id, entries });
    },
    onSuccess: async (result) => {
      if (result.ok) {
        notifications.show({
          color: 'green',
          message: `Attendance saved for ${result.attendance.length} participants.`,
        });
        setErrors(null);
        await queries.invalidateQueries({ queryKey: ['list'] });
        setMarks(new Map());
        return;
      }
      setErrors({
        conflict: result.userErrors.some((error) => error.code === 'CONFLICT'),
        messages: result.userErrors.map((error) => {
          // ["input", "entries", "3", "version"]: the entry's participant says more than its index.
          const index = error.field?.[1] === 'entries' ? Number(error.field[2]) : Number.NaN;
          const row = changes[index];
          return row ? `${row.name}: ${error.message}` : error.message;
        }),
      });
    },
    onError: (error) => setErrors({ conflict: false, messages: [error.message] }),
  });

  function mark(id: string, status: AttendanceStatus) {
    setMarks((current) => new Map(current).set(id, status));
  }
  function undo(id: string) {
    setMarks((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }
  function markRemainingPresent() {
    setMarks((current) => {
      const next = new Map(current);
      for (const row of remainingShown) next.set(row.id, 'PRESENT');
      return next;
    });
  }

  const counts = ATTENDANCE_COLUMNS.map((column) => ({
    ...column,
    count: rows.filter((row) => (row.unsaved ?? row.recorded) === column.status).length,
  }));
  const when = `${dayLabel(session.startsAtLocal.slice(0, 10))}, ${session.startsAtLocal.slice(11, 16)}–${session.endsAtLocal.slice(11, 16)}`;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="check-in-heading">
      <UnsavedChangesGuard when={changes.length > 0} />
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id="check-in-heading">
              {session.title}
            </Title>
            <Text size="sm" c="dimmed">
              {when}
              {session.place ? ` · ${session.place.name}` : ''}
            </Text>
          </Stack>
          <Group gap={6} aria-live="polite" data-testid="attendance-summary">
            {counts.map((column) => (
              <Badge key={column.status} color={column.colour} variant="light" size="lg">
                {column.label} {column.count}
              </Badge>
            ))}
            <Badge color="dark" variant="outline" size="lg">
              Not yet marked {remaining.length}
            </Badge>
          </Group>
        </Group>

        {staff && (
          <Text size="sm" c="dimmed" id="check-in-keys">
            <Kbd>↑</Kbd> <Kbd>↓</Kbd> move between participants, <Kbd>←</Kbd> <Kbd>→</Kbd> between statuses;{' '}
            <Kbd>P</Kbd> present, <Kbd>L</Kbd> late, <Kbd>A</Kbd> absent, <Kbd>E</Kbd> excused marks the participant and
            moves to the next; <Kbd>Space</Kbd> marks the focused status; <Kbd>Delete</Kbd> takes a change back.
          </Text>
        )}

        {errors && (
          <Alert color={errors.conflict ? 'orange' : 'red'} title="Nothing was saved" role="alert" variant="light">
            <List size="sm">
              {errors.messages.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
            {errors.conflict && (
              <Group gap="xs" mt="sm">
                <Text size="sm">
                  Reload to see the marks saved meanwhile; your unsaved marks stay, and saving puts them over.
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={async () => {
                    await queries.invalidateQueries({ queryKey: ['list', 'seminar-enrollments', seminarId] });
                    setErrors(null);
                  }}
                >
                  Reload marks
                </Button>
              </Group>
            )}
          </Alert>
        )}

        {enrollments.isPending ? (
          <Skeleton h={240} />
        ) : enrollments.isError ? (
          <Text c="red">The participants could not be loaded: {enrollments.error.message}</Text>
        ) : rows.length === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            Nobody has confirmed a place yet. Attendance is taken of confirmed participants.
          </Text>
        ) : (
          <Stack gap="xs">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label="Find a participant"
                description="Enter or ↓ goes to the first one found"
                placeholder="Name or organization"
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
                  event.preventDefault();
                  document.querySelector<HTMLElement>('[data-testid="check-in-grid"] [tabindex="0"]')?.focus();
                }}
                w={260}
              />
              <Select
                label="Recorded"
                placeholder="Any"
                clearable
                data={[
                  { value: NOT_MARKED, label: 'Not marked' },
                  ...ATTENDANCE_COLUMNS.map((column) => ({ value: column.status, label: column.label })),
                ]}
                value={recordedFilter}
                onChange={setRecordedFilter}
                w={160}
              />
              {organizations.length > 1 && (
                <Select
                  label="Organization"
                  placeholder="Any"
                  clearable
                  searchable
                  data={organizations}
                  value={organizationFilter}
                  onChange={setOrganizationFilter}
                  w={260}
                />
              )}
              {filtered && (
                <Text size="sm" c="dimmed" pb={8} aria-live="polite" data-testid="check-in-shown">
                  {shownRows.length} of {rows.length} shown
                </Text>
              )}
            </Group>
            {shownRows.length === 0 ? (
              <Text c="dimmed" ta="center" py="lg">
                Nobody matches this search and these filters.
              </Text>
            ) : (
              <div style={{ overflowX: 'auto' }}>
                <CheckInGrid
                  label={`Attendance at ${session.title}`}
                  rows={shownRows}
                  onMark={mark}
                  onUndo={undo}
                  readOnly={!staff}
                  describedBy={staff ? 'check-in-keys' : undefined}
                />
              </div>
            )}
          </Stack>
        )}

        {staff && rows.length > 0 && (
          <Group justify="space-between" wrap="wrap">
            <Button variant="default" onClick={markRemainingPresent} disabled={remainingShown.length === 0}>
              {filtered ? `Mark the ${remainingShown.length} remaining shown present` : 'Mark all remaining present'}
            </Button>
            <Group gap="xs">
              <Button variant="subtle" color="gray" onClick={() => setMarks(new Map())} disabled={changes.length === 0}>
                Discard changes
              </Button>
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={changes.length === 0}>
                {changes.length === 0
                  ? 'Save attendance'
                  : `Save ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
