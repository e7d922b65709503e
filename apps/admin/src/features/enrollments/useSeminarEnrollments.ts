import { EnrollmentsListDocument } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../lib/session.tsx';
import type { EnrollmentRow } from './status.ts';

/**
 * Every enrollment of a seminar with its attendance: the places taken, the waiting list, the filter
 * options and the check-in sheet all read it. A seminar takes tens of participants, so a few pages at most.
 * Under the 'list' key, so that every enrollment step (useAction's default) reads it again.
 */
export function useSeminarEnrollments(seminarId: string) {
  const { client } = useSession();
  return useQuery({
    queryKey: ['list', 'seminar-enrollments', seminarId],
    queryFn: async () => {
      const rows: EnrollmentRow[] = [];
      const filter = { seminarId: { eq: seminarId } };
      for await (const row of client.paginate(EnrollmentsListDocument, { filter }, { path: 'enrollments' })) {
        rows.push(row);
      }
      return rows;
    },
    enabled: Boolean(seminarId),
  });
}
