import { Skeleton, Stack, Text } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useSeminar } from '../seminars/useSeminar.ts';
import { CheckInSheet } from './CheckInSheet.tsx';
import { SessionSelect } from './SessionSelect.tsx';
import { useSeminarSessions } from './useSeminarSessions.ts';

/** A seminar's attendance: choose a session (its ID in the URL), then mark who came. */
export function AttendancePage() {
  const seminar = useSeminar().data;
  const { sessionId = null } = useParams();
  const navigate = useNavigate();
  const sessions = useSeminarSessions(seminar?.id ?? '');
  if (!seminar) return null;
  const base = `/seminars/${seminar.id}/attendance`;
  const session = sessions.data?.find((s) => s.id === sessionId) ?? null;

  return (
    <Stack gap="md">
      {sessions.isPending ? (
        <Skeleton h={60} maw={640} />
      ) : sessions.isError ? (
        <Text c="red">The agenda could not be loaded: {sessions.error.message}</Text>
      ) : sessions.data.length === 0 ? (
        <Text c="dimmed">This seminar has no sessions yet: add them to its agenda first.</Text>
      ) : (
        <SessionSelect
          sessions={sessions.data}
          value={sessionId}
          onChange={(id) => navigate(id ? `${base}/${id}` : base)}
        />
      )}
      {session ? (
        // Keyed: another session starts with no unsaved marks.
        <CheckInSheet key={session.id} seminarId={seminar.id} session={session} />
      ) : (
        sessions.data &&
        sessions.data.length > 0 && (
          <Text c="dimmed" size="sm">
            {sessionId ? 'There is no such session in this seminar.' : 'Choose a session to take its attendance.'}
          </Text>
        )
      )}
    </Stack>
  );
}
