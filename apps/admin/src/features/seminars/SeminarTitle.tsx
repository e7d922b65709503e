import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { SeminarStatus } from '@seminarhub/sdk';
import { dateRange } from '../../lib/format.ts';
import { enumLabel } from '../lists/labels.ts';
import { SEMINAR_STATUS_COLOURS } from './status.ts';

/** A seminar's title with its status, dates, city and time zone: the head of its pages, staff's and participants'. */
export function SeminarTitle({
  seminar,
}: {
  seminar: {
    title: string;
    status: SeminarStatus;
    startDate: string;
    endDate: string;
    city?: string | null;
    timezone: string;
    capacity?: number | null;
  };
}) {
  return (
    <Stack gap={4}>
      <Title order={1} size="h2">
        {seminar.title}
      </Title>
      <Group gap="xs">
        <Badge color={SEMINAR_STATUS_COLOURS[seminar.status]} variant="light" data-testid="seminar-status">
          {enumLabel(seminar.status)}
        </Badge>
        <Text size="sm" c="dimmed">
          {dateRange(seminar.startDate, seminar.endDate)}
          {seminar.city ? ` · ${seminar.city}` : ''} · {seminar.timezone}
          {seminar.capacity ? ` · ${seminar.capacity} places` : ''}
        </Text>
      </Group>
    </Stack>
  );
}
