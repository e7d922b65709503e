import { Select } from '@mantine/core';
import type { SessionFieldsFragment } from '@seminarhub/sdk';
import { dayLabel } from '../agenda/time.ts';

/** "2025-10-13T10:00:00+09:00" → "10:00": the seminar's wall-clock time, whatever the viewer's zone. */
const clock = (local: string) => local.slice(11, 16);

/** The seminar's sessions by day, each as its time and title, to choose the one to take attendance of. */
export function SessionSelect({
  sessions,
  value,
  onChange,
}: {
  sessions: SessionFieldsFragment[];
  value: string | null;
  onChange(id: string | null): void;
}) {
  const days = new Map<string, { value: string; label: string }[]>();
  for (const session of sessions) {
    const day = dayLabel(session.startsAtLocal.slice(0, 10));
    const optional = session.attendanceRequired ? '' : ' (attendance optional)';
    const label = `${clock(session.startsAtLocal)}–${clock(session.endsAtLocal)} · ${session.title}${optional}`;
    days.set(day, [...(days.get(day) ?? []), { value: session.id, label }]);
  }
  return (
    <Select
      label="Session"
      placeholder="Choose a session"
      data={[...days].map(([group, items]) => ({ group, items }))}
      value={value}
      onChange={onChange}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No session matches"
      maw={640}
      comboboxProps={{ position: 'bottom-start' }}
    />
  );
}
