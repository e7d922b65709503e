import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useSession } from '../../lib/session.tsx';

/** The seminar the page's URL names (`/seminars/:seminarId/…`), shared by its header and tabs. */
export function useSeminar() {
  const { seminarId = '' } = useParams();
  const { client } = useSession();
  return useQuery({ queryKey: ['seminar', seminarId], queryFn: () => client.seminars.get(seminarId) });
}
