import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useAction } from '../../lib/actions.ts';
import { useSession } from '../../lib/session.tsx';
import { PersonSelect } from '../pickers/pickers.tsx';

/**
 * Assigns an expert to review the proposal. Any person may be picked: the API knows who holds a REVIEWER
 * account and who works for the proposal's own organizations, and its refusal is shown as it says it.
 */
export function AssignReviewer({ proposalId }: { proposalId: string }) {
  const { client } = useSession();
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const assign = useAction((id: string) => client.reviews.assign({ proposalId, reviewerId: id }), {
    success: 'The reviewer is assigned and can now see the proposal under Reviews.',
    invalidate: [['proposal', proposalId], ['list']],
    onSuccess: () => setReviewerId(null),
  });
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <PersonSelect
        label="Assign a reviewer"
        placeholder="Search people with a reviewer account"
        value={reviewerId}
        onChange={setReviewerId}
        w={320}
        maw="100%"
      />
      <Button disabled={!reviewerId} loading={assign.isPending} onClick={() => reviewerId && assign.mutate(reviewerId)}>
        Assign
      </Button>
    </Group>
  );
}
