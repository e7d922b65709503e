import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink, useParams } from 'react-router';
import { ProposalFollowUp } from '../follow-up/ProposalFollowUp.tsx';
import { useCanManageSeminar } from '../seminars/useSeminar.ts';
import { AssignedReviewers } from './AssignedReviewers.tsx';
import { AssignReviewer } from './AssignReviewer.tsx';
import { DecisionActions } from './DecisionActions.tsx';
import { ProposalHeader } from './ProposalHeader.tsx';
import { ProposalLoader } from './ProposalLoader.tsx';
import { ProposalSummary } from './ProposalSummary.tsx';
import { ReviewsList } from './ReviewsList.tsx';
import { averageScore } from './status.ts';

/** One proposal of a seminar, for staff: what it says, its team, reviews, reviewer assignment, decisions and follow-up. */
export function ProposalDetailPage() {
  const { proposalId = '' } = useParams();
  const staff = useCanManageSeminar();

  return (
    <Stack gap="md">
      <Anchor component={RouterLink} to=".." relative="path" size="sm">
        ← All proposals
      </Anchor>
      <ProposalLoader id={proposalId} missing="There is no such proposal, or it is not yours to see.">
        {(p) => {
          const average = averageScore(p.reviews.nodes);
          return (
            <Stack gap="md">
              <ProposalHeader proposal={p}>{staff && <DecisionActions proposal={p} />}</ProposalHeader>
              <ProposalSummary proposal={p} canEditTeam={staff} />
              {staff && <ProposalFollowUp proposal={p} viewer="staff" />}
              {/* Reviews are listed to the seminar's staff and to the reviewer assigned; anyone else gets
                  none, and "0 of 0 reviewers" would not be true. */}
              {(staff || p.reviewers.length > 0) && (
                <Card withBorder padding="md">
                  <Stack gap="sm">
                    <Title order={3} size="h4">
                      Reviews
                    </Title>
                    <Text size="sm" c="dimmed" data-testid="review-summary">
                      {p.reviews.totalCount} of {p.reviewers.length} assigned reviewers handed in a review
                      {average != null ? ` · average weighted score ${average}` : ''}
                    </Text>
                    <AssignedReviewers proposal={p} staff={staff} />
                    {staff && <AssignReviewer proposalId={p.id} />}
                    <ReviewsList reviews={p.reviews.nodes} />
                  </Stack>
                </Card>
              )}
            </Stack>
          );
        }}
      </ProposalLoader>
    </Stack>
  );
}
