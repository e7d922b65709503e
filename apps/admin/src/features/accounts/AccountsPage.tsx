import { Badge, Button, Modal } from '@mantine/core';
import { type UserOrderField, type UserRole, UsersListDocument } from '@seminarhub/sdk';
import { useState } from 'react';
import { dateTime } from '../../lib/format.ts';
import { SecretOnce } from '../../lib/SecretOnce.tsx';
import { useSession } from '../../lib/session.tsx';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import { EditLink } from '../lists/EditLink.tsx';
import type { ListState } from '../lists/useListState.ts';
import { AccountCreateForm } from './AccountCreateForm.tsx';
import { AccountDrawer } from './AccountDrawer.tsx';
import { type Account, GENERATED_PASSWORD_WARNING, ROLES, roleLabel } from './roles.ts';

const columns = (edit: (account: Account) => void): Column<Account>[] => [
  {
    key: 'email',
    label: 'Email',
    render: (a) => <EditLink onEdit={() => edit(a)}>{a.email}</EditLink>,
    text: (a) => a.email,
    sortField: 'EMAIL',
  },
  {
    key: 'role',
    label: 'Role',
    render: (a) => roleLabel(a.role),
    text: (a) => a.role,
    sortField: 'ROLE',
    nowrap: true,
  },
  { key: 'person', label: 'Person', render: (a) => a.person?.fullName ?? '—', text: (a) => a.person?.fullName },
  {
    key: 'assigned',
    label: 'Coordinates',
    render: (a) =>
      a.role === 'COORDINATOR'
        ? [...a.coordinatedPrograms, ...a.coordinatedSeminars].map((item) => item.code ?? item.title).join(', ') ||
          'Nothing yet'
        : '—',
    text: (a) => [...a.coordinatedPrograms, ...a.coordinatedSeminars].map((item) => item.title).join('; '),
  },
  {
    key: 'lastLogin',
    label: 'Last sign-in',
    render: (a) => (a.lastLoginAt ? dateTime(a.lastLoginAt) : 'Never'),
    text: (a) => a.lastLoginAt,
    nowrap: true,
  },
  {
    key: 'status',
    label: 'Status',
    render: (a) => (
      <Badge variant="light" color={a.disabledAt ? 'red' : 'green'}>
        {a.disabledAt ? 'Disabled' : 'Active'}
      </Badge>
    ),
    text: (a) => (a.disabledAt ? `disabled ${a.disabledAt}` : 'active'),
    nowrap: true,
  },
  {
    key: 'created',
    label: 'Created',
    render: (a) => dateTime(a.createdAt),
    text: (a) => a.createdAt,
    sortField: 'CREATED_AT',
    nowrap: true,
    initiallyVisible: false,
  },
];

function variables(state: ListState<string>) {
  const roles = state.filters.role as UserRole[] | undefined;
  const states = state.filters.state ?? [];
  const all = [];
  if (roles?.length) all.push({ role: { in: roles } });
  // Both chips, or neither: every account.
  if (states.length === 1) all.push({ disabled: states[0] === 'disabled' });
  return {
    search: state.search || null,
    orderBy: state.sort ? { field: state.sort.field as UserOrderField, direction: state.sort.direction } : null,
    filter: all.length ? { AND: all } : null,
  };
}

/** Accounts (administrators): list, create with a password shown once, and each account in a drawer. */
export function AccountsPage() {
  const { client } = useSession();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const [secret, setSecret] = useState<{ title: string; email: string; password: string } | null>(null);

  return (
    <>
      <DataList
        name="accounts"
        title="Accounts"
        columns={columns(setEditing)}
        filterGroups={[
          { key: 'role', label: 'Role', options: ROLES.map(({ value, label }) => ({ value, label })) },
          {
            key: 'state',
            label: 'Status',
            options: [
              { value: 'active', label: 'Active' },
              { value: 'disabled', label: 'Disabled' },
            ],
          },
        ]}
        fetchPage={(state) => client.users.list({ ...variables(state), ...pageArgs(state) })}
        fetchAll={(state) => client.paginate(UsersListDocument, variables(state), { path: 'users' })}
        emptyText="No accounts match."
        actions={<Button onClick={() => setCreating(true)}>New account</Button>}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title="New account" size="lg">
        <AccountCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(account, password) => {
            setCreating(false);
            if (password) setSecret({ title: `Account ${account.email} created`, email: account.email, password });
            setEditing(account);
          }}
        />
      </Modal>
      {editing && (
        <AccountDrawer
          account={editing}
          onChanged={setEditing}
          onPasswordGenerated={(account, password) =>
            setSecret({ title: `New password for ${account.email}`, email: account.email, password })
          }
          onClose={() => setEditing(null)}
        />
      )}
      <Modal
        // The password's dialog closes only through its button, so that it is not dismissed by a stray click.
        opened={secret !== null}
        onClose={() => undefined}
        closeOnClickOutside={false}
        closeOnEscape={false}
        withCloseButton={false}
        title={secret?.title}
        size="lg"
        zIndex={400}
      >
        {secret && (
          <SecretOnce
            title="Copy the password now: it is shown only this once"
            warning={GENERATED_PASSWORD_WARNING}
            secret={secret.password}
            testId="generated-password"
            doneLabel="I have handed it over"
            onDone={() => setSecret(null)}
          />
        )}
      </Modal>
    </>
  );
}
