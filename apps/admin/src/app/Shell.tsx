import { AppShell, Badge, Burger, Button, Group, NavLink, Skeleton, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router';
import { enumLabel } from '../features/lists/labels.ts';
import { API_KEYS, AUDIT, allows, MY_PROPOSALS, REVIEWS, STAFF } from '../lib/access.tsx';
import { useSession } from '../lib/session.tsx';

/** The sections of the admin; each is shown to viewers holding any of its permissions (see lib/access.ts). */
const SECTIONS = [
  { to: '/', label: 'Dashboard', access: STAFF },
  { to: '/seminars', label: 'Seminars', access: STAFF },
  { to: '/programs', label: 'Programmes', access: STAFF },
  { to: '/organizations', label: 'Organizations', access: STAFF },
  { to: '/people', label: 'People', access: STAFF },
  { to: '/audit', label: 'Audit log', access: AUDIT },
  { to: '/api-keys', label: 'API keys', access: API_KEYS },
  { to: '/reviews', label: 'Reviews', access: REVIEWS },
  { to: '/my-proposals', label: 'My proposals', access: MY_PROPOSALS },
] as const;

export function Shell() {
  const { client, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const viewer = useQuery({ queryKey: ['viewer'], queryFn: () => client.auth.viewer() });

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
                {viewer.data?.role && <Badge variant="light">{enumLabel(viewer.data.role)}</Badge>}
              </>
            )}
            <Button variant="default" size="xs" onClick={() => signOut({ revoke: true })}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {SECTIONS.filter((section) => allows(section.access, viewer.data)).map((section) => (
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
