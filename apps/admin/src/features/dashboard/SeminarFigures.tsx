import { Card, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { EnrollmentsListDocument, SessionsListDocument } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useSession } from '../../lib/session.tsx';
import { enumLabel } from '../lists/labels.ts';
import { type Bar, BarList } from './BarList.tsx';
import { fresh } from './fresh.ts';

/** Enrollments that hold a place: the seminar's participants. */
const PARTICIPATING = ['ACCEPTED', 'CONFIRMED', 'COMPLETED'] as const;
const SEX_GROUPS: Record<string, string> = {
  FEMALE: 'Women',
  MALE: 'Men',
  OTHER: 'Other',
  UNDISCLOSED: 'Not disclosed',
};

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** One seminar's participants, attendance and feedback, read in full through the SDK's paginate(). */
function useSeminarFigures(seminarId: string | null) {
  const { client } = useSession();
  return useQuery({
    enabled: seminarId !== null,
    ...fresh,
    queryKey: ['dashboard', 'seminar', seminarId],
    queryFn: async () => {
      const filter = { seminarId: { eq: seminarId! } };
      const participants = [];
      const enrollmentFilter = { ...filter, status: { in: [...PARTICIPATING] } };
      for await (const enrollment of client.paginate(
        EnrollmentsListDocument,
        { filter: enrollmentFilter },
        { path: 'enrollments' },
      )) {
        participants.push(enrollment);
      }
      const sessions = [];
      for await (const session of client.paginate(SessionsListDocument, { filter }, { path: 'sessions' })) {
        sessions.push(session);
      }
      const byOrganization: Bar[] = [
        ...countBy(
          participants,
          // The organization that nominated them, else the one they work at.
          (e) => e.organization?.name ?? e.person.organization?.name ?? 'No organization',
        ),
      ]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name, value]) => ({ key: name, label: name, value }));
      const bySex: Bar[] = [...countBy(participants, (e) => e.person.sex ?? 'UNDISCLOSED')]
        .sort((a, b) => b[1] - a[1])
        .map(([sex, value]) => ({ key: sex, label: SEX_GROUPS[sex] ?? enumLabel(sex), value }));
      const attendance: Bar[] = sessions
        .filter((session) => session.attendanceRate !== null)
        .map((session) => ({
          key: session.id,
          label: session.title,
          value: session.attendanceRate!,
          display: `${Math.round(session.attendanceRate! * 100)}%`,
        }));
      const feedback: Bar[] = sessions
        .filter((session) => session.averageRating !== null)
        .map((session) => ({
          key: session.id,
          label: session.title,
          value: session.averageRating!,
          display: session.averageRating!.toFixed(1),
        }));
      return { participants: participants.length, byOrganization, bySex, attendance, feedback };
    },
  });
}

function ChartCard({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Title order={3} size="h5" mb="md">
        {title}
      </Title>
      {empty ? (
        <Text c="dimmed" size="sm">
          Nothing recorded yet.
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

export function SeminarFigures() {
  const { client } = useSession();
  const seminars = useQuery({
    ...fresh,
    queryKey: ['dashboard', 'seminars'],
    queryFn: () => client.seminars.list({ first: 100 }),
  });
  // A seminar's participants are listed only to its staff: for any other, every figure here would count
  // nobody (or, for attendance, people the viewer may not list), so only the viewer's own are offered.
  const managed = seminars.data?.nodes.filter((seminar) => seminar.viewerCanManage);
  const [chosen, setChosen] = useState<string | null>(null);
  const seminarId = chosen ?? managed?.[0]?.id ?? null;
  const figures = useSeminarFigures(seminarId);

  if (managed && managed.length === 0) {
    return (
      <Text c="dimmed">
        {seminars.data?.nodes.length === 0
          ? 'No seminars yet: the figures of a seminar appear here once it has participants.'
          : 'The figures of a seminar are shown to its coordinators: no seminar is assigned to you yet.'}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Select
        label="Seminar"
        data={(managed ?? []).map((seminar) => ({ value: seminar.id, label: seminar.title }))}
        value={seminarId}
        onChange={setChosen}
        allowDeselect={false}
        maw={560}
        disabled={!seminars.data}
      />
      {figures.isPending || !figures.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} h={260} radius="md" />
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChartCard
            title={`Participants by organization (${figures.data.participants})`}
            empty={figures.data.participants === 0}
          >
            <BarList bars={figures.data.byOrganization} testId="by-organization" />
          </ChartCard>
          <ChartCard title="Participants by sex" empty={figures.data.participants === 0}>
            <BarList bars={figures.data.bySex} testId="by-sex" />
          </ChartCard>
          <ChartCard title="Attendance rate per session" empty={figures.data.attendance.length === 0}>
            <BarList bars={figures.data.attendance} max={1} testId="attendance" />
          </ChartCard>
          <ChartCard title="Average feedback per session (1 to 5)" empty={figures.data.feedback.length === 0}>
            <BarList bars={figures.data.feedback} max={5} testId="feedback" />
          </ChartCard>
        </SimpleGrid>
      )}
    </Stack>
  );
}
