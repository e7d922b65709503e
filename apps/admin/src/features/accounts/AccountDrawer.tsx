import { Badge, Button, Divider, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import type { UserRole } from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useAction } from '../../lib/actions.ts';
import { dateTime } from '../../lib/format.ts';
import { EditorActions, EditorDrawer } from '../../lib/forms/EditorDrawer.tsx';
import { ConflictNotice, FormErrors } from '../../lib/forms/FormErrors.tsx';
import { pickerProps } from '../../lib/forms/pickerProps.ts';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { PersonSelect } from '../pickers/pickers.tsx';
import { CoordinatorAssignments } from './CoordinatorAssignments.tsx';
import { PasswordResetModal } from './PasswordResetModal.tsx';
import { type Account, ROLES } from './roles.ts';

interface AccountValues extends Record<string, unknown> {
  role: UserRole;
  personId: string | null;
}

/** An account after a change: a coordinator's assignments go with the role (the API drops them on a demotion). */
function changed(account: Account, user: Partial<Account>): Account {
  const next = { ...account, ...user };
  return next.role === 'COORDINATOR' ? next : { ...next, coordinatedPrograms: [], coordinatedSeminars: [] };
}

/** Role and person, sent only when changed: a role sent signs the account out, even the same role. */
function AccountForm({
  account,
  own,
  onSaved,
  onClose,
  onDirty,
}: {
  account: Account;
  own: boolean;
  onSaved(account: Account): void;
  onClose(): void;
  onDirty(dirty: boolean): void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  const initial: AccountValues = { role: account.role, personId: account.person?.id ?? null };
  const editor = useMutationForm({
    initialValues: initial,
    version: account.version,
    mutate: (values, version) =>
      client.users.update({
        id: account.id,
        version: version!,
        ...(values.role !== initial.role ? { role: values.role } : {}),
        ...(values.personId !== initial.personId ? { personId: values.personId } : {}),
      }),
    onSuccess: async (result) => {
      await queries.invalidateQueries({ queryKey: ['list'] });
      onSaved(changed(account, result.user!));
    },
    reload: async () => {
      const [fresh] = (await client.users.list({ first: 1, filter: { email: { eq: account.email } } })).nodes;
      if (!fresh) throw new Error('This account no longer exists.');
      return { values: { role: fresh.role, personId: fresh.person?.id ?? null }, version: fresh.version };
    },
  });
  const { form } = editor;
  const dirty = form.isDirty();
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const role = form.getValues().role;
  return (
    <form onSubmit={editor.onSubmit} noValidate aria-label="Account">
      <Stack gap="sm">
        <FormErrors errors={editor.formErrors} />
        {editor.conflict && (
          <ConflictNotice what="account" onReload={editor.reloadTheirs} onReapply={editor.reapplyMine} />
        )}
        <Select
          label="Role"
          required
          allowDeselect={false}
          disabled={own}
          data={ROLES.map(({ value, label }) => ({ value, label }))}
          description={
            own
              ? 'You cannot change your own role.'
              : `${ROLES.find((r) => r.value === role)?.description ?? ''}${role !== initial.role ? ' Saving signs the account out.' : ''}`
          }
          {...form.getInputProps('role')}
        />
        <PersonSelect
          label="Person"
          description="Who the account belongs to; one account per person"
          placeholder="Search people"
          selectedLabel={account.person?.fullName}
          {...pickerProps(form, 'personId')}
        />
        <EditorActions saveLabel="Save account" saving={editor.submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}

/**
 * One account: its role and person, a coordinator's programmes and seminars, a password reset and disabling.
 * Each change answers with the account as saved, handed back through `onChanged`.
 */
export function AccountDrawer({
  account,
  onChanged,
  onPasswordGenerated,
  onClose,
}: {
  account: Account;
  onChanged(account: Account): void;
  onPasswordGenerated(account: Account, password: string): void;
  onClose(): void;
}) {
  const { client } = useSession();
  const viewer = useViewer();
  const own = viewer.data?.user?.id === account.id;
  const [formDirty, setFormDirty] = useState(false);
  const [assignmentsDirty, setAssignmentsDirty] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const setDisabled = useAction(
    (disabled: boolean) => client.users.update({ id: account.id, version: account.version, disabled }),
    {
      success: (result) =>
        result.user?.disabledAt
          ? `${account.email} is disabled and signed out everywhere.`
          : `${account.email} may sign in again.`,
      onSuccess: (result) => {
        setDisabling(false);
        onChanged(changed(account, result.user!));
      },
    },
  );

  return (
    <EditorDrawer title="Account" dirty={formDirty || assignmentsDirty} onClose={onClose}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text fw={600} data-testid="account-email">
              {account.email}
            </Text>
            <Text size="xs" c="dimmed">
              Created {dateTime(account.createdAt)} · last signed in{' '}
              {account.lastLoginAt ? dateTime(account.lastLoginAt) : 'never'}
            </Text>
          </Stack>
          <Badge variant="light" color={account.disabledAt ? 'red' : 'green'} data-testid="account-status">
            {account.disabledAt ? 'Disabled' : 'Active'}
          </Badge>
        </Group>
        {/* Read again at each saved version, so that the next change names the version it read. */}
        <AccountForm
          key={account.version}
          account={account}
          own={own}
          onSaved={onChanged}
          onClose={onClose}
          onDirty={setFormDirty}
        />
        {account.role === 'COORDINATOR' && (
          <>
            <Divider />
            <Title order={3} size="h5">
              Coordinator assignments
            </Title>
            <CoordinatorAssignments
              key={`${account.version}-${account.coordinatedPrograms.length}-${account.coordinatedSeminars.length}`}
              account={account}
              onSaved={onChanged}
              onDirty={setAssignmentsDirty}
            />
          </>
        )}
        {!own && (
          <>
            <Divider />
            <Title order={3} size="h5">
              Sign-in
            </Title>
            <Group gap="xs">
              <Button variant="default" onClick={() => setResetting(true)}>
                Reset password
              </Button>
              {account.disabledAt ? (
                <Button variant="light" loading={setDisabled.isPending} onClick={() => setDisabled.mutate(false)}>
                  Enable account
                </Button>
              ) : (
                <Button variant="light" color="red" onClick={() => setDisabling(true)}>
                  Disable account
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
      {resetting && (
        <PasswordResetModal
          account={account}
          onCancel={() => setResetting(false)}
          onDone={(next, generated) => {
            setResetting(false);
            onChanged(next);
            if (generated) onPasswordGenerated(next, generated);
          }}
        />
      )}
      <Modal opened={disabling} onClose={() => setDisabling(false)} title="Disable this account?" centered>
        <Text size="sm" mb="md">
          {account.email} is signed out everywhere and cannot sign in until the account is enabled again. Nothing it
          recorded is lost.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setDisabling(false)}>
            Keep it active
          </Button>
          <Button color="red" loading={setDisabled.isPending} onClick={() => setDisabled.mutate(true)}>
            Disable account
          </Button>
        </Group>
      </Modal>
    </EditorDrawer>
  );
}
