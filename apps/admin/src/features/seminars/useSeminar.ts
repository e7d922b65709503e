import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useSession } from '../../lib/session.tsx';

/** The seminar the page's URL names (`/seminars/:seminarId/…`), shared by its header and tabs. */
export function useSeminar() {
  const { seminarId = '' } = useParams();
  const { client } = useSession();
  return useQuery({ queryKey: ['seminar', seminarId], queryFn: () => client.seminars.get(seminarId) });
}

/**
 * Whether the viewer may manage the seminar of the URL, as the API says: administrators and its own
 * coordinators. Its actions are offered only then; a coordinator of other seminars sees it read-only.
 */
export function useCanManageSeminar(): boolean {
  return useSeminar().data?.viewerCanManage ?? false;
}
