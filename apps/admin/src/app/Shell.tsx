import { AppShell, Badge, Burger, Button, Group, NavLink, Skeleton, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Permission, UserRole } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router';
import { useSession } from '../lib/session.tsx';

/**
 * The sections of the admin; each is shown to viewers holding any of its permissions, or of its roles
 * where no permission sets the role apart (a participant holds only the permissions everyone has).
 */
const SECTIONS: { to: string; label: string; permissions: readonly Permission[]; roles?: readonly UserRole[] }[] = [
  { to: '/', label: 'Dashboard', permissions: ['READ_ALL', 'MANAGE_ASSIGNED_SEMINARS'] },
  { to: '/seminars', label: 'Seminars', permissions: ['READ_ALL', 'MANAGE_ASSIGNED_SEMINARS'] },
  { to: '/organizations', label: 'Organizations', permissions: ['READ_ALL', 'MANAGE_ASSIGNED_SEMINARS'] },
  { to: '/people', label: 'People', permissions: ['READ_ALL', 'MANAGE_ASSIGNED_SEMINARS'] },
  { to: '/reviews', label: 'Reviews', permissions: ['REVIEW_ASSIGNED_PROPOSALS'] },
  { to: '/my-proposals', label: 'My proposals', permissions: [], roles: ['PARTICIPANT'] },
];

export function Shell() {
  const { client, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const viewer = useQuery({ queryKey: ['viewer'], queryFn: () => client.auth.viewer() });
  const permissions = viewer.data?.permissions ?? [];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              SeminarHub
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {viewer.isPending ? (
              <Skeleton h={20} w={180} />
            ) : (
              <>
                <Text size="sm" visibleFrom="sm" data-testid="viewer-email">
                  {viewer.data?.user?.email}
                </Text>
                {viewer.data?.role && <Badge variant="light">{viewer.data.role}</Badge>}
              </>
            )}
            <Button variant="default" size="xs" onClick={() => signOut({ revoke: true })}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {SECTIONS.filter(
          (section) =>
            section.permissions.some((p) => permissions.includes(p)) ||
            (viewer.data?.role && section.roles?.includes(viewer.data.role)),
        ).map((section) => (
          <NavLink
            key={section.to}
            component={RouterLink}
            to={section.to}
            label={section.label}
            active={section.to === '/' ? location.pathname === '/' : location.pathname.startsWith(section.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
