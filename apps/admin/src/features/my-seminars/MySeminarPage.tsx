import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Modal,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { AgendaDays, useAgenda } from '../agenda/AgendaDays.tsx';
import { ATTENDANCE_COLUMNS, attendanceLabel } from '../attendance/statuses.ts';
import { ENROLLMENT_STATUS_COLOURS } from '../enrollments/status.ts';
import { enumLabel } from '../lists/labels.ts';
import { SeminarTitle } from '../seminars/SeminarTitle.tsx';
import { useSeminar } from '../seminars/useSeminar.ts';
import { enrollmentNote } from './copy.ts';
import { FeedbackForm } from './FeedbackForm.tsx';
import { MyEnrollmentActions } from './MyEnrollmentActions.tsx';
import {
  attendanceAt,
  type MyEnrollment,
  seminarFeedbackOpen,
  sessionFeedbackOpen,
  useMyEnrollments,
} from './participation.ts';

/**
 * A participant's own page of a seminar: where their enrollment stands and its steps, the agenda in the
 * seminar's time zone with their attendance, and their feedback on each session they attended and on the
 * seminar as a whole.
 */
export function MySeminarPage() {
  const seminar = useSeminar();
  const enrollments = useMyEnrollments();
  const sessions = useAgenda(seminar.data?.id ?? '');

  if (seminar.isPending) return <Skeleton h={120} />;
  if (seminar.isError) return <Text c="red">The seminar could not be loaded: {seminar.error.message}</Text>;
  if (!seminar.data) return <Text>There is no such seminar.</Text>;
  const s = seminar.data;
  // The latest application, should there be an earlier one withdrawn.
  const mine = enrollments.data?.findLast((enrollment) => enrollment.seminar.id === s.id);
  const attended = mine?.attendance.filter((row) => row.status === 'PRESENT' || row.status === 'LATE').length ?? 0;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={RouterLink} to="/my-seminars" size="sm">
          My seminars
        </Anchor>
        <Text size="sm">{s.code}</Text>
      </Breadcrumbs>
      <SeminarTitle seminar={s} />
      {enrollments.isPending ? (
        <Skeleton h={100} radius="md" />
      ) : !mine ? (
        <Alert color="gray" variant="light" title="You are not enrolled in this seminar">
          Its agenda is below. Staff enroll participants; ask the seminar's coordinator.
        </Alert>
      ) : (
        <Group align="stretch" grow wrap="wrap">
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="my-enrollment">
            <Stack gap="xs">
              <Title order={2} size="h5" id="my-enrollment">
                My enrollment
              </Title>
              <Group gap="xs">
                <Badge color={ENROLLMENT_STATUS_COLOURS[mine.status]} data-testid="my-enrollment-status">
                  {enumLabel(mine.status)}
                </Badge>
                <Text size="sm">{enrollmentNote(mine.status, mine.waitlistPosition)}</Text>
              </Group>
              {mine.attendance.length > 0 && (
                <Text size="sm" c="dimmed" data-testid="my-attendance-summary">
                  Attended {attended} of the {mine.attendance.length} sessions recorded.
                </Text>
              )}
              <MyEnrollmentActions enrollment={mine} />
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="seminar-feedback">
            <Stack gap="xs">
              <Title order={2} size="h5" id="seminar-feedback">
                The seminar as a whole
              </Title>
              <FeedbackSlot
                enrollment={mine}
                seminarId={s.id}
                open={seminarFeedbackOpen(mine, s.status)}
                closed="Feedback on the seminar opens once it is under way and you have attended a session."
                label={s.title}
                subject={`The seminar as a whole: ${s.title}`}
              />
            </Stack>
          </Card>
        </Group>
      )}
      <Title order={2} size="h3">
        Agenda
      </Title>
      <AgendaDays
        seminar={s}
        sessions={sessions}
        {...(mine && { extra: (session) => <SessionExtra enrollment={mine} seminarId={s.id} session={session} /> })}
      />
    </Stack>
  );
}

/** Under a session on the agenda: the participant's attendance there and their feedback on it. */
function SessionExtra({
  enrollment,
  seminarId,
  session,
}: {
  enrollment: MyEnrollment;
  seminarId: string;
  session: { id: string; title: string; endsAt: string };
}) {
  const status = attendanceAt(enrollment, session.id);
  const open = sessionFeedbackOpen(enrollment, session);
  const given = enrollment.feedback.some((feedback) => feedback.session?.id === session.id);
  if (!status && !open && !given) return null;
  return (
    <Group gap="sm" wrap="wrap">
      {status && (
        <Badge
          size="sm"
          variant="dot"
          color={ATTENDANCE_COLUMNS.find((column) => column.status === status)!.colour}
          data-testid="my-attendance"
        >
          {attendanceLabel(status)}
        </Badge>
      )}
      <FeedbackSlot
        enrollment={enrollment}
        seminarId={seminarId}
        sessionId={session.id}
        open={open}
        label={session.title}
        subject={session.title}
      />
    </Group>
  );
}

/**
 * The feedback the participant gave on a session or the seminar, with a way to change it; or, while it is
 * open to them, a way to give it. `closed` says why it is not, where that needs saying.
 */
function FeedbackSlot({
  enrollment,
  seminarId,
  sessionId,
  open,
  closed,
  label,
  subject,
}: {
  enrollment: MyEnrollment;
  seminarId: string;
  sessionId?: string;
  open: boolean;
  closed?: string;
  /** What is rated, for the buttons' accessible names. */
  label: string;
  /** What is rated, as the form's heading says it. */
  subject: string;
}) {
  const [editing, setEditing] = useState(false);
  const existing = enrollment.feedback.find((feedback) => (feedback.session?.id ?? null) === (sessionId ?? null));
  if (!existing && !open)
    return closed ? (
      <Text size="sm" c="dimmed">
        {closed}
      </Text>
    ) : null;
  return (
    <>
      {existing ? (
        <Group gap="xs" wrap="wrap" data-testid="my-feedback">
          <Text size="sm" fw={600}>
            Your rating: {existing.rating} / 5
          </Text>
          {existing.anonymous && (
            <Badge size="sm" variant="default">
              Anonymous
            </Badge>
          )}
          {existing.comment && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              “{existing.comment}”
            </Text>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setEditing(true)}
            aria-label={`Change my feedback on ${label}`}
          >
            Change
          </Button>
        </Group>
      ) : (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => setEditing(true)}
          aria-label={`Give feedback on ${label}`}
          style={{ alignSelf: 'flex-start' }}
        >
          Give feedback
        </Button>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title="Your feedback" centered>
        <Text size="sm" fw={500} mb="sm">
          {subject}
        </Text>
        <FeedbackForm
          seminarId={seminarId}
          {...(sessionId && { sessionId })}
          existing={existing}
          onDone={() => setEditing(false)}
        />
      </Modal>
    </>
  );
}
