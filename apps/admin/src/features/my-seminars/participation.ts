import {
  type AttendanceStatus,
  EnrollmentsListDocument,
  type EnrollmentsListQuery,
  type SeminarStatus,
} from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { PARTICIPATING } from '../enrollments/status.ts';

/** One of the viewer's own enrollments, with their attendance and the feedback they gave. */
export type MyEnrollment = EnrollmentsListQuery['enrollments']['nodes'][number];
export type MyFeedback = MyEnrollment['feedback'][number];

/**
 * The query key of the viewer's enrollments, read again after each of their steps and feedback; its own, since
 * the proposal editor keeps the same enrollments under another key in another shape.
 */
export const MY_ENROLLMENTS = ['list', 'my-seminars'] as const;

/** The signed-in person's enrollments in every seminar, the earliest application first. */
export function useMyEnrollments() {
  const { client } = useSession();
  const { personId } = useViewer();
  return useQuery({
    queryKey: [...MY_ENROLLMENTS, personId],
    enabled: Boolean(personId),
    queryFn: async () => {
      const all: MyEnrollment[] = [];
      const variables = { filter: { personId: { eq: personId! } } };
      for await (const row of client.paginate(EnrollmentsListDocument, variables, { path: 'enrollments' })) {
        all.push(row);
      }
      return all;
    },
  });
}

/** Attendance that counts as having been there. */
const ATTENDED: AttendanceStatus[] = ['PRESENT', 'LATE'];
/** Seminars under way or over: the ones whose sessions may have been held. */
const UNDER_WAY: SeminarStatus[] = ['IN_PROGRESS', 'COMPLETED'];

export function attendanceAt(enrollment: MyEnrollment, sessionId: string): AttendanceStatus | null {
  return enrollment.attendance.find((row) => row.session?.id === sessionId)?.status ?? null;
}

/**
 * Whether the participant may rate a session, as the API decides (feedback only for sessions held and
 * attended): they took their place, the session has ended, and their attendance there is PRESENT or LATE.
 */
export function sessionFeedbackOpen(
  enrollment: MyEnrollment,
  session: { id: string; endsAt: string },
  now = Date.now(),
): boolean {
  if (!PARTICIPATING.includes(enrollment.status)) return false;
  if (new Date(session.endsAt).getTime() > now) return false;
  const status = attendanceAt(enrollment, session.id);
  return status !== null && ATTENDED.includes(status);
}

/**
 * Whether the participant may rate the seminar as a whole: they took their place in a seminar under way or
 * over, and attended at least one of its sessions.
 */
export function seminarFeedbackOpen(enrollment: MyEnrollment, seminarStatus: SeminarStatus): boolean {
  return (
    PARTICIPATING.includes(enrollment.status) &&
    UNDER_WAY.includes(seminarStatus) &&
    enrollment.attendance.some((row) => ATTENDED.includes(row.status))
  );
}
