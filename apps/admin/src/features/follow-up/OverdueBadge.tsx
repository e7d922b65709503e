import { Badge, Group, Text } from '@mantine/core';
import { calendarDay } from '../../lib/format.ts';

/** A due date, with a red mark when it has passed and the item is still open. */
export function DueDate({ date, overdue }: { date: string; overdue: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c={overdue ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {calendarDay(date)}
      </Text>
      {overdue && (
        <Badge color="red" size="xs" variant="filled" style={{ flexShrink: 0, overflow: 'visible' }}>
          Overdue
        </Badge>
      )}
    </Group>
  );
}
