import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { Navigate } from 'react-router';
import { useViewer } from '../../lib/viewer.ts';
import { DashboardPage } from '../dashboard/DashboardPage.tsx';

/**
 * The landing page after sign-in: the dashboard for programme staff; reviewers and participants, who may
 * not read its figures, go to their own section instead.
 */
export function HomePage() {
  const viewer = useViewer();
  if (viewer.isPending) return <Skeleton h={200} />;
  if (viewer.can('READ_ALL', 'MANAGE_ASSIGNED_SEMINARS')) return <DashboardPage />;
  if (viewer.can('REVIEW_ASSIGNED_PROPOSALS')) return <Navigate to="/reviews" replace />;
  if (viewer.role === 'PARTICIPANT') return <Navigate to="/my-seminars" replace />;
  return (
    <Stack gap="sm">
      <Title order={1}>Welcome</Title>
      <Text c="dimmed">There is nothing for this account to manage here.</Text>
    </Stack>
  );
}
