import {
  ActionIcon,
  Anchor,
  Badge,
  Card,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import type { ProposalStatus } from '@seminarhub/sdk';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { enumLabel } from '../lists/labels.ts';
import { useCanManageSeminar } from '../seminars/useSeminar.ts';
import { averageScore, PROPOSAL_STATUS_COLOURS, PROPOSAL_STATUSES } from './status.ts';
import { type ProposalListItem, useSeminarProposals } from './useProposals.ts';

/** An empty column stays this narrow until opened: nine statuses fit a 1280 px screen beside the navigation. */
const SLIM_WIDTH = 40;
const COLUMN_MIN_WIDTH = 168;

type View = 'board' | 'list';

/**
 * A seminar's proposals, one column per status in the order of the workflow, or as a list. Columns with no
 * proposal are slim (their status and 0) until opened, so that the columns with proposals share the width.
 */
export function ProposalsBoard() {
  const { seminarId = '' } = useParams();
  const proposals = useSeminarProposals(seminarId);
  const staff = useCanManageSeminar();
  const [view, setView] = useLocalStorage<View>({
    key: 'seminarhub.proposals.view',
    defaultValue: 'board',
    getInitialValueInEffect: false,
  });
  const [opened, setOpened] = useState<ReadonlySet<ProposalStatus>>(new Set());

  if (proposals.isError)
    return (
      <Text c="red" role="alert">
        The proposals could not be loaded: {proposals.error.message}
      </Text>
    );
  const byStatus = new Map<ProposalStatus, ProposalListItem[]>(PROPOSAL_STATUSES.map((status) => [status, []]));
  for (const proposal of proposals.data?.nodes ?? []) byStatus.get(proposal.status)?.push(proposal);

  function toggle(status: ProposalStatus) {
    const next = new Set(opened);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    setOpened(next);
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2} size="h3">
            Proposals
          </Title>
          {proposals.data && (
            <Text size="sm" c="dimmed">
              {proposals.data.totalCount} in this seminar
            </Text>
          )}
        </Group>
        <SegmentedControl
          aria-label="Show proposals as"
          size="xs"
          value={view}
          onChange={(value) => setView(value as View)}
          data={[
            { value: 'board', label: 'Board' },
            { value: 'list', label: 'List' },
          ]}
        />
      </Group>
      {proposals.data?.totalCount === 0 && (
        <Text c="dimmed" size="sm">
          No proposals yet. Participants write them towards the end of the seminar, under My proposals.
        </Text>
      )}
      {view === 'list' ? (
        <ProposalList proposals={PROPOSAL_STATUSES.flatMap((status) => byStatus.get(status) ?? [])} staff={staff} />
      ) : (
        <ScrollArea type="auto" offsetScrollbars aria-label="Proposals by status">
          <Group align="stretch" wrap="nowrap" gap={8} pb="xs">
            {PROPOSAL_STATUSES.map((status) => {
              const inColumn = byStatus.get(status) ?? [];
              const slim = !proposals.isPending && inColumn.length === 0 && !opened.has(status);
              return slim ? (
                <SlimColumn key={status} status={status} onOpen={() => toggle(status)} />
              ) : (
                <Paper
                  key={status}
                  component="section"
                  aria-label={enumLabel(status)}
                  data-testid={`column-${status}`}
                  withBorder
                  p="xs"
                  miw={COLUMN_MIN_WIDTH}
                  style={{ flex: '1 1 0' }}
                  bg="gray.0"
                >
                  <Group justify="space-between" mb="xs" wrap="nowrap" gap={4}>
                    <Badge color={PROPOSAL_STATUS_COLOURS[status]} variant="light" style={{ minWidth: 0 }}>
                      {enumLabel(status)}
                    </Badge>
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs" c="dimmed">
                        {proposals.isPending ? '' : inColumn.length}
                      </Text>
                      {inColumn.length === 0 && !proposals.isPending && (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          aria-label={`Fold the ${enumLabel(status)} column`}
                          onClick={() => toggle(status)}
                        >
                          ‹
                        </ActionIcon>
                      )}
                    </Group>
                  </Group>
                  <Stack gap="xs" mih={80}>
                    {proposals.isPending ? (
                      <Skeleton h={96} />
                    ) : inColumn.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        No proposal is {enumLabel(status).toLowerCase()}.
                      </Text>
                    ) : (
                      inColumn.map((proposal) => <ProposalCard key={proposal.id} proposal={proposal} staff={staff} />)
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Group>
        </ScrollArea>
      )}
    </Stack>
  );
}

/** An empty status, folded: its name written downwards and 0; opening it shows the full column. */
function SlimColumn({ status, onOpen }: { status: ProposalStatus; onOpen(): void }) {
  return (
    <Paper
      component="section"
      aria-label={enumLabel(status)}
      data-testid={`column-${status}`}
      data-folded
      withBorder
      w={SLIM_WIDTH}
      miw={SLIM_WIDTH}
      bg="gray.0"
    >
      <UnstyledButton
        onClick={onOpen}
        aria-expanded={false}
        aria-label={`${enumLabel(status)}: none. Open the column`}
        h="100%"
        w="100%"
        py="xs"
        style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 }}
      >
        <Text size="xs" c="dimmed" fw={600}>
          0
        </Text>
        <Text size="xs" fw={600} c={`${PROPOSAL_STATUS_COLOURS[status]}.8`} style={{ writingMode: 'vertical-rl' }}>
          {enumLabel(status)}
        </Text>
      </UnstyledButton>
    </Paper>
  );
}

function reviewProgress(proposal: ProposalListItem) {
  const submitted = proposal.reviews.nodes.filter((review) => review.submittedAt).length;
  const average = averageScore(proposal.reviews.nodes);
  return {
    text: `${submitted}/${proposal.reviewers.length} reviewed${average != null ? ` · avg ${average}` : ''}`,
    title: `${submitted} of ${proposal.reviewers.length} assigned reviewers have handed in their review`,
  };
}

const membersText = (proposal: ProposalListItem) =>
  proposal.members.length === 1 ? '1 member' : `${proposal.members.length} members`;

/*
 * A proposal's team, implementing organization and reviews are details the API gives only to the seminar's
 * staff (and the team, and its reviewers): to anyone else they come back empty, and a card would read
 * "0 members · 0/0 reviewed". The board shows them to the staff only.
 */
function ProposalCard({ proposal, staff }: { proposal: ProposalListItem; staff: boolean }) {
  const progress = reviewProgress(proposal);
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
          <Group gap={4} mt="xs">
            <Badge size="sm" variant="default">
              {membersText(proposal)}
            </Badge>
            <Badge size="sm" variant="default" data-testid="review-progress" title={progress.title}>
              {progress.text}
            </Badge>
          </Group>
        </>
      )}
    </Card>
  );
}

/** The same proposals as rows, in the order of the workflow: for many proposals, or a narrow screen. */
function ProposalList({ proposals, staff }: { proposals: ProposalListItem[]; staff: boolean }) {
  if (proposals.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="proposals-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Proposal</Table.Th>
            <Table.Th>Status</Table.Th>
            {staff && (
              <>
                <Table.Th>Implementing organization</Table.Th>
                <Table.Th>Team</Table.Th>
                <Table.Th>Reviews</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((proposal) => {
            const progress = reviewProgress(proposal);
            return (
              <Table.Tr key={proposal.id} data-testid="proposal-row">
                <Table.Td>
                  <Anchor component={RouterLink} to={proposal.id} fw={500} size="sm">
                    {proposal.title}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} miw={190}>
                  <Badge
                    color={PROPOSAL_STATUS_COLOURS[proposal.status]}
                    variant="light"
                    style={{ overflow: 'visible' }}
                  >
                    {enumLabel(proposal.status)}
                  </Badge>
                </Table.Td>
                {staff && (
                  <>
                    <Table.Td>{proposal.implementingOrganization?.name ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{membersText(proposal)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} title={progress.title}>
                      {progress.text}
                    </Table.Td>
                  </>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
