import { SessionsListDocument } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../lib/session.tsx';

/** A seminar's agenda in time order, without breaks: nobody attends a break. */
export function useSeminarSessions(seminarId: string) {
  const { client } = useSession();
  return useQuery({
    queryKey: ['list', 'seminar-sessions', seminarId],
    queryFn: async () => {
      const variables = { filter: { seminarId: { eq: seminarId } }, orderBy: { field: 'STARTS_AT' as const } };
      const sessions = [];
      for await (const session of client.paginate(SessionsListDocument, variables, { path: 'sessions' })) {
        if (session.kind !== 'BREAK') sessions.push(session);
      }
      return sessions;
    },
    enabled: Boolean(seminarId),
  });
}
