import { Anchor, Badge, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { todayIso } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { DueDate } from './OverdueBadge.tsx';
import { MILESTONE_COLOURS, reportName } from './status.ts';

const OPEN_MILESTONES = ['PLANNED', 'IN_PROGRESS'] as const;

/** A date `days` after today, as the API writes dates. */
function daysFromToday(days: number): string {
  const date = new Date(`${todayIso()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type ProposalLink = { id: string; title: string; seminar: { id: string; title: string } };

function ProposalCell({ proposal }: { proposal: ProposalLink }) {
  return (
    <Stack gap={0}>
      <Anchor component={RouterLink} to={`/seminars/${proposal.seminar.id}/proposals/${proposal.id}`} size="sm">
        {proposal.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {proposal.seminar.title}
      </Text>
    </Stack>
  );
}

/**
 * What is due across a programme, for staff: progress reports not submitted and milestones not reached,
 * due before a date, by due date so that the overdue come first; and reports waiting for a review.
 */
export function FollowUpPage() {
  const { client } = useSession();
  const [params, setParams] = useSearchParams();
  const dueBefore = params.get('dueBefore') ?? daysFromToday(90);
  const programs = useQuery({
    queryKey: ['list', 'programs', 'follow-up'],
    queryFn: async () => (await client.programs.list({ first: 100 })).nodes,
  });
  const programId = params.get('program') ?? programs.data?.[0]?.id ?? null;
  const set = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const enabled = Boolean(programId);
  const inProgram = { programId: { eq: programId! } };
  const reports = useQuery({
    queryKey: ['list', 'progressReports', 'due', programId, dueBefore],
    enabled,
    queryFn: () =>
      client.progressReports.list({
        first: 100,
        filter: { ...inProgram, submitted: false, dueDate: { lt: dueBefore } },
      }),
  });
  const waiting = useQuery({
    queryKey: ['list', 'progressReports', 'awaiting', programId],
    enabled,
    queryFn: () => client.progressReports.list({ first: 100, filter: { ...inProgram, awaitingReview: true } }),
  });
  const milestones = useQuery({
    queryKey: ['list', 'milestones', 'due', programId, dueBefore],
    enabled,
    queryFn: () =>
      client.milestones.list({
        first: 100,
        filter: { ...inProgram, status: { in: [...OPEN_MILESTONES] }, dueDate: { lt: dueBefore } },
      }),
  });
  const overdue =
    (reports.data?.nodes.filter((row) => row.overdue).length ?? 0) +
    (milestones.data?.nodes.filter((row) => row.overdue).length ?? 0);

  return (
    <Stack gap="lg">
      <Title order={1}>Follow-up</Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label="Programme"
          data={(programs.data ?? []).map((program) => ({ value: program.id, label: program.title }))}
          value={programId}
          onChange={(value) => set('program', value)}
          allowDeselect={false}
          w={360}
          maw="100%"
        />
        <TextInput
          type="date"
          label="Due before"
          value={dueBefore}
          onChange={(event) => set('dueBefore', event.currentTarget.value || null)}
          w={180}
        />
        {reports.isSuccess && milestones.isSuccess && (
          <Badge color={overdue ? 'red' : 'green'} variant="light" size="lg" data-testid="overdue-count">
            {overdue === 0 ? 'Nothing overdue' : `${overdue} overdue`}
          </Badge>
        )}
      </Group>

      <Section
        title="Progress reports due"
        count={reports.data?.totalCount}
        empty="No progress report is due before this date."
      >
        <Table aria-label="Progress reports due" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Proposal</Table.Th>
              <Table.Th>Report</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.data?.nodes.map((report) => (
              <Table.Tr key={report.id}>
                <Table.Td>
                  <ProposalCell proposal={report.proposal} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{reportName(report)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <DueDate date={report.dueDate} overdue={report.overdue} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {report.reviewOutcome === 'RETURNED' ? 'Returned to the team' : 'Not submitted'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section
        title="Reports awaiting review"
        count={waiting.data?.totalCount}
        empty="No submitted report is waiting for a review."
      >
        <Table aria-label="Reports awaiting review" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Proposal</Table.Th>
              <Table.Th>Report</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waiting.data?.nodes.map((report) => (
              <Table.Tr key={report.id}>
                <Table.Td>
                  <ProposalCell proposal={report.proposal} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{reportName(report)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <DueDate date={report.dueDate} overdue={false} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title="Milestones due" count={milestones.data?.totalCount} empty="No milestone is due before this date.">
        <Table aria-label="Milestones due" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Proposal</Table.Th>
              <Table.Th>Milestone</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {milestones.data?.nodes.map((milestone) => (
              <Table.Tr key={milestone.id}>
                <Table.Td>
                  <ProposalCell proposal={milestone.proposal} />
                </Table.Td>
                <Table.Td>{milestone.title}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <DueDate date={milestone.dueDate} overdue={milestone.overdue} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={MILESTONE_COLOURS[milestone.status]} variant="light">
                    {enumLabel(milestone.status)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
    </Stack>
  );
}

function Section({
  title,
  count,
  empty,
  children,
}: {
  title: string;
  count: number | undefined;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {title}
        {count != null ? ` (${count})` : ''}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}
