import type { ProposalsGetQuery, ProposalsListQuery } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../lib/session.tsx';

export type ProposalListItem = ProposalsListQuery['proposals']['nodes'][number];
export type ProposalDetails = NonNullable<ProposalsGetQuery['proposal']>;

/** A seminar's proposals, all of them (a seminar holds a few dozen at most), for the board. */
export function useSeminarProposals(seminarId: string) {
  const { client } = useSession();
  return useQuery({
    queryKey: ['list', 'proposals', { seminarId }],
    queryFn: () =>
      client.proposals.list({
        first: 100,
        filter: { seminarId: { eq: seminarId } },
        orderBy: { field: 'UPDATED_AT' },
      }),
  });
}

/** One proposal with its team, decisions and the reviews the viewer may see. */
export function useProposal(id: string) {
  const { client } = useSession();
  return useQuery({ queryKey: ['proposal', id], queryFn: () => client.proposals.get(id), enabled: Boolean(id) });
}

/** The programme's review criteria, in order: what a review scores. */
export function useCriteria(programId: string | undefined) {
  const { client } = useSession();
  return useQuery({
    queryKey: ['criteria', programId],
    queryFn: async () =>
      [...((await client.programs.get(programId!))?.reviewCriteria ?? [])].sort((a, b) => a.position - b.position),
    enabled: Boolean(programId),
  });
}
