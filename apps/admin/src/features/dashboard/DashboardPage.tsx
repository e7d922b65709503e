import { Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../lib/session.tsx';
import { enumLabel as label } from '../lists/labels.ts';
import { PROPOSAL_STATUSES as STATUSES } from '../proposals/status.ts';
import { BarList } from './BarList.tsx';
import { fresh } from './fresh.ts';
import { SeminarFigures } from './SeminarFigures.tsx';

/** Key figures: each list's totalCount, asked with `first: 0` so the API counts without sending rows. */
function useFigures() {
  const { client } = useSession();
  return useQuery({
    ...fresh,
    queryKey: ['dashboard', 'figures'],
    queryFn: async () => {
      const [seminars, enrollments, organizations, people, proposals] = await Promise.all([
        client.seminars.list({ first: 0 }),
        client.enrollments.list({ first: 0 }),
        client.organizations.list({ first: 0 }),
        client.people.list({ first: 0 }),
        client.proposals.list({ first: 0 }),
      ]);
      return [
        { key: 'seminars', label: 'Seminars', value: seminars.totalCount },
        { key: 'enrollments', label: 'Enrollments', value: enrollments.totalCount },
        { key: 'organizations', label: 'Organizations', value: organizations.totalCount },
        { key: 'people', label: 'People', value: people.totalCount },
        { key: 'proposals', label: 'Proposals', value: proposals.totalCount },
      ];
    },
  });
}

function useProposalsByStatus() {
  const { client } = useSession();
  return useQuery({
    ...fresh,
    queryKey: ['dashboard', 'proposals-by-status'],
    queryFn: async () =>
      Promise.all(
        STATUSES.map(async (status) => ({
          status,
          count: (await client.proposals.list({ first: 0, filter: { status: { eq: status } } })).totalCount,
        })),
      ),
  });
}

export function DashboardPage() {
  const figures = useFigures();
  const byStatus = useProposalsByStatus();
  const total = byStatus.data?.reduce((sum, entry) => sum + entry.count, 0) ?? 0;

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Dashboard
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} aria-label="Key figures" component="section">
        {(figures.data ?? Array.from({ length: 5 }, (_, i) => ({ key: `loading-${i}`, label: '', value: null }))).map(
          (figure) => (
            <Card key={figure.key} withBorder padding="md" radius="md" h={96} data-testid={`figure-${figure.key}`}>
              {figure.value === null ? (
                <Skeleton h="100%" />
              ) : (
                <>
                  <Text size="sm" c="dimmed">
                    {figure.label}
                  </Text>
                  <Text fz={28} fw={700} lh={1.2} data-testid="figure-value">
                    {figure.value.toLocaleString('en')}
                  </Text>
                </>
              )}
            </Card>
          ),
        )}
      </SimpleGrid>
      {figures.isError && <Text c="red">The figures could not be loaded: {String(figures.error.message)}</Text>}

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="by-status">
        <Title order={2} size="h4" id="by-status" mb="md">
          Proposals by status
        </Title>
        {byStatus.isPending ? (
          <Skeleton h={STATUSES.length * 28} />
        ) : total === 0 ? (
          <Text c="dimmed" h={STATUSES.length * 28}>
            No proposals yet: participants write them at the end of a seminar.
          </Text>
        ) : (
          <BarList
            testId="by-status"
            bars={(byStatus.data ?? []).map((entry) => ({
              key: entry.status,
              label: label(entry.status),
              value: entry.count,
            }))}
          />
        )}
      </Card>

      <Title order={2} size="h3">
        Seminar
      </Title>
      <SeminarFigures />
    </Stack>
  );
}
