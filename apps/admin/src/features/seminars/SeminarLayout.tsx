import { Anchor, Breadcrumbs, Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import type { SeminarStatus } from '@seminarhub/sdk';
import { useState } from 'react';
import { Navigate, Outlet, Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { allows, STAFF } from '../../lib/access.tsx';
import { useAction } from '../../lib/actions.ts';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { enumWords } from '../lists/labels.ts';
import { SeminarEditor } from './SeminarEditor.tsx';
import { SeminarTitle } from './SeminarTitle.tsx';
import { useCanManageSeminar, useSeminar } from './useSeminar.ts';

/**
 * The tabs of a seminar, each a route under /seminars/:seminarId; the agenda is the seminar's own page.
 * The staff's tabs read its enrollments, which the API lists only to its staff: to anyone else they would
 * show empty lists and counts of nobody, so they are neither offered nor opened by URL.
 */
const TABS = [
  { path: 'agenda', label: 'Agenda', staffOnly: false },
  { path: 'enrollments', label: 'Enrollments', staffOnly: true },
  { path: 'attendance', label: 'Attendance', staffOnly: true },
  { path: 'feedback', label: 'Feedback', staffOnly: true },
  { path: 'proposals', label: 'Proposals', staffOnly: false },
] as const;

type Transition = 'publish' | 'start' | 'complete' | 'cancel';
const TRANSITIONS: Record<SeminarStatus, Transition[]> = {
  DRAFT: ['publish', 'cancel'],
  PUBLISHED: ['start', 'cancel'],
  IN_PROGRESS: ['complete', 'cancel'],
  COMPLETED: [],
  CANCELLED: [],
};
const TRANSITION_LABELS: Record<Transition, string> = {
  publish: 'Publish',
  start: 'Start',
  complete: 'Mark completed',
  cancel: 'Cancel seminar',
};

/**
 * A seminar's header (status, dates, the transitions staff may make) over its tabs. The tabs are the staff's:
 * a participant is taken to their own page of the seminar, and a reviewer sees the agenda alone (their
 * proposals are under Reviews); the tabs' routes refuse both.
 */
export function SeminarLayout() {
  const seminar = useSeminar();
  const viewer = useViewer();
  const { client } = useSession();
  const staff = useCanManageSeminar();
  const navigate = useNavigate();
  const location = useLocation();
  const [editing, setEditing] = useState(false);
  const base = `/seminars/${seminar.data?.id ?? ''}`;
  const current = TABS.find((t) => location.pathname.startsWith(`${base}/${t.path}`)) ?? TABS[0];
  const tab = current.path;
  const transition = useAction(
    (name: Transition) => client.seminars[name]({ id: seminar.data!.id, version: seminar.data!.version }),
    {
      success: (result) => `The seminar is now ${enumWords(result.seminar!.status)}.`,
      invalidate: [['seminar'], ['list']],
    },
  );

  if (viewer.role === 'PARTICIPANT' && seminar.data && location.pathname.replace(/\/$/, '') === base) {
    return <Navigate to={`/my-seminars/${seminar.data.id}`} replace />;
  }
  if (seminar.isPending || viewer.isPending) return <Skeleton h={120} />;
  if (seminar.isError) return <Text c="red">The seminar could not be loaded: {seminar.error.message}</Text>;
  if (!seminar.data) return <Text>There is no such seminar.</Text>;
  const s = seminar.data;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        {allows(STAFF, viewer.data) && (
          <Anchor component={RouterLink} to="/seminars" size="sm">
            Seminars
          </Anchor>
        )}
        <Text size="sm">{s.code}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <SeminarTitle seminar={s} />
        {staff && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit details
            </Button>
            {TRANSITIONS[s.status].map((name) => (
              <Button
                key={name}
                variant={name === 'cancel' ? 'subtle' : 'filled'}
                color={name === 'cancel' ? 'red' : undefined}
                loading={transition.isPending && transition.variables === name}
                onClick={() => transition.mutate(name)}
              >
                {TRANSITION_LABELS[name]}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      {allows(STAFF, viewer.data) && (
        <Tabs
          value={tab}
          onChange={(value) => navigate(value === 'agenda' ? base : `${base}/${value}`)}
          keepMounted={false}
        >
          <Tabs.List>
            {TABS.filter((t) => staff || !t.staffOnly).map((t) => (
              <Tabs.Tab key={t.path} value={t.path}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {/* Participants and reviewers get the refusal of the route itself (RequireAccess). */}
      {staff || !current.staffOnly || !allows(STAFF, viewer.data) ? (
        <Outlet />
      ) : (
        <Text c="dimmed" data-testid="staff-only">
          Only the seminar's coordinators and administrators see its {current.label.toLowerCase()}.
        </Text>
      )}
      {editing && <SeminarEditor seminar={s} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
