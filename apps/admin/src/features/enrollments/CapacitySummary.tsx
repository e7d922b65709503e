import { Card, Group, List, Progress, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { enumWords } from '../lists/labels.ts';
import { ENROLLMENT_STATUSES, type EnrollmentRow, HOLDS_PLACE } from './status.ts';

/** Places taken against the seminar's capacity, and who waits for a freed place, in their order. */
export function CapacitySummary({ capacity, rows }: { capacity: number | null; rows: EnrollmentRow[] | undefined }) {
  if (!rows) {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Skeleton h={120} radius="md" />
        <Skeleton h={120} radius="md" />
      </SimpleGrid>
    );
  }
  const taken = rows.filter((row) => HOLDS_PLACE.includes(row.status)).length;
  const waitlist = rows
    .filter((row) => row.status === 'WAITLISTED')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const counts = ENROLLMENT_STATUSES.map((status) => ({
    status,
    count: rows.filter((row) => row.status === status).length,
  })).filter((entry) => entry.count > 0);
  const full = capacity !== null && taken >= capacity;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="places-heading">
        <Title order={2} size="h4" id="places-heading" mb="xs">
          Places
        </Title>
        <Text size="xl" fw={700} data-testid="places-taken">
          {capacity === null ? `${taken} taken` : `${taken} of ${capacity} taken`}
        </Text>
        {capacity !== null && (
          <Progress
            value={Math.min(100, (taken / capacity) * 100)}
            color={full ? 'orange' : 'blue'}
            mt="xs"
            aria-label="Share of places taken"
          />
        )}
        <Text size="sm" c="dimmed" mt="xs">
          {capacity === null ? 'No limit on places. ' : full ? 'The seminar is full. ' : ''}
          Accepted, confirmed and completed enrollments hold a place.
        </Text>
        {counts.length > 0 && (
          <Text size="sm" c="dimmed" mt={4}>
            {counts.map(({ status, count }) => `${count} ${enumWords(status)}`).join(' · ')}
          </Text>
        )}
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="waitlist-heading">
        <Title order={2} size="h4" id="waitlist-heading" mb="xs">
          Waiting list
        </Title>
        {waitlist.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody is waiting. A place freed by a withdrawal goes to the first on this list.
          </Text>
        ) : (
          <List type="ordered" size="sm" spacing={4} data-testid="waitlist">
            {waitlist.map((row) => (
              <List.Item key={row.id}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{row.person.fullName}</Text>
                  {row.organization && (
                    <Text size="xs" c="dimmed" truncate>
                      {row.organization.name}
                    </Text>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </SimpleGrid>
  );
}
