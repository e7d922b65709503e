import { AppShell, Badge, Burger, Button, Group, Menu, NavLink, Skeleton, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router';
import { PasswordChangeModal } from '../features/accounts/PasswordChangeModal.tsx';
import { enumLabel } from '../features/lists/labels.ts';
import {
  ACCOUNTS,
  API_KEYS,
  AUDIT,
  allows,
  MY_PROPOSALS,
  MY_SEMINARS,
  PLACES,
  REVIEWS,
  STAFF,
} from '../lib/access.tsx';
import { useSession } from '../lib/session.tsx';

/** The sections of the admin; each is shown to viewers holding any of its permissions (see lib/access.ts). */
const SECTIONS = [
  { to: '/', label: 'Dashboard', access: STAFF },
  { to: '/seminars', label: 'Seminars', access: STAFF },
  { to: '/programs', label: 'Programmes', access: STAFF },
  { to: '/follow-up', label: 'Follow-up', access: STAFF },
  { to: '/organizations', label: 'Organizations', access: STAFF },
  { to: '/people', label: 'People', access: STAFF },
  { to: '/places', label: 'Places', access: PLACES },
  { to: '/audit', label: 'Audit log', access: AUDIT },
  { to: '/api-keys', label: 'API keys', access: API_KEYS },
  { to: '/accounts', label: 'Accounts', access: ACCOUNTS },
  { to: '/reviews', label: 'Reviews', access: REVIEWS },
  // A participant's own area.
  { to: '/my-seminars', label: 'My seminars', access: MY_SEMINARS },
  { to: '/my-proposals', label: 'My proposals', access: MY_PROPOSALS },
] as const;

export function Shell() {
  const { client, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const viewer = useQuery({ queryKey: ['viewer'], queryFn: () => client.auth.viewer() });
  const [changingPassword, setChangingPassword] = useState(false);

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
            {viewer.data?.permissions.includes('CHANGE_OWN_PASSWORD') && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="subtle" size="xs">
                    Account
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{viewer.data.user?.email}</Menu.Label>
                  <Menu.Item onClick={() => setChangingPassword(true)}>Change password</Menu.Item>
                </Menu.Dropdown>
              </Menu>
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
      {changingPassword && <PasswordChangeModal onClose={() => setChangingPassword(false)} />}
    </AppShell>
  );
}
