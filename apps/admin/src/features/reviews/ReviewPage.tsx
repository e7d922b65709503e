import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink, useParams } from 'react-router';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { ProposalHeader } from '../proposals/ProposalHeader.tsx';
import { ProposalLoader } from '../proposals/ProposalLoader.tsx';
import { ProposalSummary } from '../proposals/ProposalSummary.tsx';
import { ReviewsList } from '../proposals/ReviewsList.tsx';
import { type ProposalDetails, useCriteria } from '../proposals/useProposals.ts';
import { ReviewForm } from './ReviewForm.tsx';

/** An assigned proposal with the reviewer's scoring form: open while the proposal is under review. */
export function ReviewPage() {
  const { proposalId = '' } = useParams();
  return (
    <Stack gap="md">
      <Anchor component={RouterLink} to="/reviews" size="sm">
        ← All reviews
      </Anchor>
      <ProposalLoader id={proposalId} missing="There is no such proposal, or it is not assigned to you.">
        {(p) => (
          <Stack gap="md">
            <ProposalHeader proposal={p} />
            <ProposalSummary proposal={p} />
            <YourReview proposal={p} />
          </Stack>
        )}
      </ProposalLoader>
    </Stack>
  );
}

function YourReview({ proposal: p }: { proposal: ProposalDetails }) {
  const { client } = useSession();
  const { personId } = useViewer();
  const criteria = useCriteria(p.seminar.program.id);
  const mine = p.reviews.nodes.find((review) => review.reviewer.id === personId);

  return (
    <Card withBorder padding="md">
      <Title order={2} size="h3" mb="sm">
        {mine ? 'Your review' : 'Review this proposal'}
      </Title>
      {p.status !== 'UNDER_REVIEW' ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {mine
              ? 'The review is closed: your review can no longer change.'
              : 'The review has not started yet: staff open it, and then you can score the proposal here.'}
          </Text>
          {mine && <ReviewsList reviews={[mine]} />}
        </Stack>
      ) : criteria.isPending ? (
        <Skeleton h={240} />
      ) : criteria.isError ? (
        <Text c="red" role="alert">
          The review criteria could not be loaded: {criteria.error.message}
        </Text>
      ) : (
        <ReviewForm
          // A saved review comes back with a new version: start again from it.
          key={mine ? `${mine.id}-${mine.version}` : 'new'}
          proposalId={p.id}
          criteria={criteria.data}
          review={mine}
          reload={async () => {
            // Read past the cache, so the form stays mounted while it decides what to do with the edits.
            const fresh = await client.proposals.get(p.id);
            return fresh?.reviews.nodes.find((review) => review.reviewer.id === personId);
          }}
        />
      )}
    </Card>
  );
}
