import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { dateRange } from '../../lib/format.ts';
import { useViewer } from '../../lib/viewer.ts';
import { ENROLLMENT_STATUS_COLOURS } from '../enrollments/status.ts';
import { enumLabel } from '../lists/labels.ts';
import { SEMINAR_STATUS_COLOURS } from '../seminars/status.ts';
import { enrollmentNote } from './copy.ts';
import { MyEnrollmentActions } from './MyEnrollmentActions.tsx';
import { useMyEnrollments } from './participation.ts';

/** The seminars the signed-in participant is enrolled in, the latest first, with where each enrollment stands. */
export function MySeminarsPage() {
  const { personId, isSuccess: viewerRead } = useViewer();
  const enrollments = useMyEnrollments();
  const rows = [...(enrollments.data ?? [])].sort((a, b) => b.seminar.startDate.localeCompare(a.seminar.startDate));

  return (
    <Stack gap="lg">
      <Title order={1}>My seminars</Title>
      {viewerRead && !personId ? (
        <Alert color="gray" variant="light" title="This account is not linked to a person">
          Enrollments belong to people. Ask an administrator to link your account to your person record.
        </Alert>
      ) : enrollments.isError ? (
        <Text c="red">Your seminars could not be loaded: {enrollments.error.message}</Text>
      ) : enrollments.isPending ? (
        <Skeleton h={160} radius="md" />
      ) : rows.length === 0 ? (
        <Text c="dimmed">You are not enrolled in any seminar yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {rows.map((enrollment) => {
            const { seminar } = enrollment;
            return (
              <Card key={enrollment.id} withBorder radius="md" padding="md" data-testid="my-seminar">
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Anchor component={RouterLink} to={`/my-seminars/${seminar.id}`} fw={600}>
                      {seminar.title}
                    </Anchor>
                    <Badge
                      color={SEMINAR_STATUS_COLOURS[seminar.status]}
                      variant="outline"
                      style={{ flexShrink: 0 }}
                      aria-label={`Seminar: ${enumLabel(seminar.status)}`}
                    >
                      {enumLabel(seminar.status)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {/* A seminar without a code or a city shows neither, nor a separator for it. */}
                    {[seminar.code, dateRange(seminar.startDate, seminar.endDate), seminar.city]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  <Group gap="xs">
                    <Text size="sm" c="dimmed">
                      My enrollment
                    </Text>
                    <Badge color={ENROLLMENT_STATUS_COLOURS[enrollment.status]} data-testid="my-enrollment-status">
                      {enumLabel(enrollment.status)}
                    </Badge>
                    {enrollment.role !== 'PARTICIPANT' && <Badge variant="default">{enumLabel(enrollment.role)}</Badge>}
                    <Text size="sm">{enrollmentNote(enrollment.status, enrollment.waitlistPosition)}</Text>
                  </Group>
                  <MyEnrollmentActions enrollment={enrollment} />
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
