import { Badge, Card, Group, Paper, ScrollArea, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ProposalStatus } from '@seminarhub/sdk';
import { Link as RouterLink, useParams } from 'react-router';
import { enumLabel } from '../lists/labels.ts';
import { useCanManageSeminar } from '../seminars/useSeminar.ts';
import { averageScore, PROPOSAL_STATUS_COLOURS, PROPOSAL_STATUSES } from './status.ts';
import { type ProposalListItem, useSeminarProposals } from './useProposals.ts';

const COLUMN_WIDTH = 260;

/** A seminar's proposals as a board, one column per status in the order of the workflow. */
export function ProposalsBoard() {
  const { seminarId = '' } = useParams();
  const proposals = useSeminarProposals(seminarId);
  const staff = useCanManageSeminar();

  if (proposals.isError)
    return (
      <Text c="red" role="alert">
        The proposals could not be loaded: {proposals.error.message}
      </Text>
    );
  const byStatus = new Map<ProposalStatus, ProposalListItem[]>(PROPOSAL_STATUSES.map((status) => [status, []]));
  for (const proposal of proposals.data?.nodes ?? []) byStatus.get(proposal.status)?.push(proposal);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Proposals
        </Title>
        {proposals.data && (
          <Text size="sm" c="dimmed">
            {proposals.data.totalCount} in this seminar
          </Text>
        )}
      </Group>
      {proposals.data?.totalCount === 0 && (
        <Text c="dimmed" size="sm">
          No proposals yet. Participants write them towards the end of the seminar, under My proposals.
        </Text>
      )}
      <ScrollArea type="auto" offsetScrollbars aria-label="Proposals by status">
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="xs">
          {PROPOSAL_STATUSES.map((status) => (
            <Paper
              key={status}
              component="section"
              aria-label={enumLabel(status)}
              data-testid={`column-${status}`}
              withBorder
              p="xs"
              w={COLUMN_WIDTH}
              miw={COLUMN_WIDTH}
              bg="gray.0"
            >
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Badge color={PROPOSAL_STATUS_COLOURS[status]} variant="light">
                  {enumLabel(status)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {proposals.isPending ? '' : byStatus.get(status)?.length}
                </Text>
              </Group>
              <Stack gap="xs" mih={80}>
                {proposals.isPending ? (
                  <Skeleton h={96} />
                ) : (
                  byStatus
                    .get(status)
                    ?.map((proposal) => <ProposalCard key={proposal.id} proposal={proposal} staff={staff} />)
                )}
              </Stack>
            </Paper>
          ))}
        </Group>
      </ScrollArea>
    </Stack>
  );
}

/**
 * A proposal's card. Its team, implementing organization and reviews are details the API gives only to
 * the seminar's staff (and the team, and its reviewers): to anyone else they come back empty, so the
 * card would read "0 members · 0/0 reviewed". Those lines are shown to the staff only.
 */
function ProposalCard({ proposal, staff }: { proposal: ProposalListItem; staff: boolean }) {
  const submitted = proposal.reviews.nodes.filter((review) => review.submittedAt).length;
  const average = averageScore(proposal.reviews.nodes);
  return (
    <Card
      component={RouterLink}
      to={proposal.id}
      withBorder
      padding="sm"
      radius="sm"
      data-testid="proposal-card"
      aria-label={proposal.title}
    >
      <Text fw={600} size="sm" lineClamp={3}>
        {proposal.title}
      </Text>
      {staff && (
        <>
          <Text size="xs" c="dimmed" mt={4} lineClamp={1}>
            {proposal.implementingOrganization?.name ?? 'No implementing organization'}
          </Text>
          <Group gap="xs" mt="xs">
            <Badge size="sm" variant="default">
              {proposal.members.length === 1 ? '1 member' : `${proposal.members.length} members`}
            </Badge>
            <Badge
              size="sm"
              variant="default"
              data-testid="review-progress"
              title={`${submitted} of ${proposal.reviewers.length} assigned reviewers have handed in their review`}
            >
              {submitted}/{proposal.reviewers.length} reviewed
              {average != null ? ` · avg ${average}` : ''}
            </Badge>
          </Group>
        </>
      )}
    </Card>
  );
}
