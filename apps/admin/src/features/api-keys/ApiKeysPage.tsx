import { Badge, Button, Code, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import {
  type ApiKeyFieldsFragment,
  type ApiKeyOrderField,
  type ApiKeyScope,
  ApiKeysListDocument,
} from '@seminarhub/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAction } from '../../lib/actions.ts';
import { dateTime } from '../../lib/format.ts';
import { FormErrors } from '../../lib/forms/FormErrors.tsx';
import { useMutationForm } from '../../lib/forms/useMutationForm.ts';
import { SecretOnce } from '../../lib/SecretOnce.tsx';
import { useSession } from '../../lib/session.tsx';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import type { ListState } from '../lists/useListState.ts';

const SCOPES: { value: ApiKeyScope; label: string; description: string }[] = [
  {
    value: 'READ',
    label: 'Read',
    description: 'Queries only: it reads everything an administrator reads, but people’s personal details.',
  },
  {
    value: 'READ_WRITE',
    label: 'Read and write',
    description: 'Queries and mutations: it changes data as an administrator would.',
  },
];
const scopeLabel = (scope: ApiKeyScope) => SCOPES.find((s) => s.value === scope)?.label ?? scope;

function status(key: ApiKeyFieldsFragment): { label: string; color: string } {
  if (key.revokedAt) return { label: `Revoked ${dateTime(key.revokedAt)}`, color: 'red' };
  if (key.expiresAt && new Date(key.expiresAt) <= new Date()) return { label: 'Expired', color: 'gray' };
  return { label: 'Active', color: 'green' };
}

function variables(state: ListState<string>) {
  const scopes = state.filters.scope as ApiKeyScope[] | undefined;
  const states = state.filters.state ?? [];
  const all = [];
  if (scopes?.length) all.push({ scope: { in: scopes } });
  // Both chips, or neither: every key.
  if (states.length === 1) all.push({ revoked: states[0] === 'revoked' });
  return {
    search: state.search || null,
    orderBy: state.sort ? { field: state.sort.field as ApiKeyOrderField, direction: state.sort.direction } : null,
    filter: all.length ? { AND: all } : null,
  };
}

/** The new key's secret, shown this once; closing forgets it. */
function KeySecret({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  return (
    <SecretOnce
      title="Copy the secret now: it is shown only this once"
      warning={
        <>
          SeminarHub keeps only a hash of it, so nobody can show it again. Store it where the program that uses “{name}”
          reads its configuration. If it is lost, revoke this key and create a new one.
        </>
      }
      secret={secret}
      testId="api-key-secret"
      hint={
        <Text size="sm" c="dimmed">
          Send it in the <Code>Authorization: Bearer …</Code> header, or give it to the SDK as its <Code>token</Code>.
        </Text>
      }
      doneLabel="I have stored the secret"
      onDone={onDone}
    />
  );
}

function CreateKeyForm({ onCreated, onCancel }: { onCreated(name: string, secret: string): void; onCancel(): void }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const { form, submitting, formErrors, onSubmit } = useMutationForm({
    initialValues: { name: '', scope: 'READ' as ApiKeyScope, expiresAt: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Say what the key is for.'),
      expiresAt: (value) => (value && new Date(value) <= new Date() ? 'Choose a time in the future.' : null),
    },
    mutate: (values) =>
      client.apiKeys.create({
        name: values.name.trim(),
        scope: values.scope,
        expiresAt: values.expiresAt ? new Date(values.expiresAt).toISOString() : null,
      }),
    onSuccess: (result, values) => {
      void queries.invalidateQueries({ queryKey: ['list'] });
      onCreated(values.name.trim(), result.secret!);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New API key">
      <Stack gap="sm">
        <FormErrors errors={formErrors} />
        <TextInput
          label="Name"
          description="What the key is for, e.g. “JICA reporting dashboard”"
          required
          maxLength={100}
          data-autofocus
          {...form.getInputProps('name')}
          key={form.key('name')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Scope
          </Text>
          <SegmentedControl
            data={SCOPES.map(({ value, label }) => ({ value, label }))}
            {...form.getInputProps('scope')}
            key={form.key('scope')}
          />
          <Text size="xs" c="dimmed">
            {SCOPES.find((s) => s.value === form.getValues().scope)?.description}
          </Text>
        </Stack>
        <TextInput
          type="datetime-local"
          label="Expires"
          description="Leave empty for a key that works until it is revoked"
          {...form.getInputProps('expiresAt')}
          key={form.key('expiresAt')}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** API keys for third-party programs (MANAGE_API_KEYS): list, create with the secret shown once, revoke. */
export function ApiKeysPage() {
  const { client } = useSession();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyFieldsFragment | null>(null);
  const revoke = useAction((key: ApiKeyFieldsFragment) => client.apiKeys.revoke({ id: key.id }), {
    success: (result) => `“${result.apiKey?.name}” is revoked: requests with it are refused from now on.`,
    onSuccess: () => setRevoking(null),
  });

  const columns: Column<ApiKeyFieldsFragment>[] = [
    { key: 'name', label: 'Name', render: (k) => k.name, text: (k) => k.name, sortField: 'NAME' },
    {
      key: 'prefix',
      label: 'Starts with',
      render: (k) => <Code>{k.prefix}…</Code>,
      text: (k) => k.prefix,
      nowrap: true,
    },
    {
      key: 'scope',
      label: 'Scope',
      render: (k) => (
        <Badge variant="light" color={k.scope === 'READ' ? 'blue' : 'grape'}>
          {scopeLabel(k.scope)}
        </Badge>
      ),
      text: (k) => k.scope,
      nowrap: true,
    },
    {
      key: 'created',
      label: 'Created',
      render: (k) => dateTime(k.createdAt),
      text: (k) => k.createdAt,
      sortField: 'CREATED_AT',
      nowrap: true,
    },
    {
      key: 'lastUsed',
      label: 'Last used',
      render: (k) => (k.lastUsedAt ? dateTime(k.lastUsedAt) : 'Never'),
      text: (k) => k.lastUsedAt,
      nowrap: true,
    },
    {
      key: 'expires',
      label: 'Expires',
      render: (k) => (k.expiresAt ? dateTime(k.expiresAt) : 'Never'),
      text: (k) => k.expiresAt,
      nowrap: true,
    },
    {
      key: 'status',
      label: 'Status',
      render: (k) => (
        <Badge variant="light" color={status(k).color} data-testid="api-key-status">
          {status(k).label}
        </Badge>
      ),
      text: (k) => (k.revokedAt ? `revoked ${k.revokedAt}` : status(k).label),
      nowrap: true,
    },
    {
      key: 'createdBy',
      label: 'Created by',
      render: (k) => k.createdBy?.email ?? '—',
      text: (k) => k.createdBy?.email,
      initiallyVisible: false,
    },
    {
      key: 'actions',
      label: '',
      render: (k) =>
        k.revokedAt ? null : (
          <Button size="compact-xs" color="red" variant="subtle" onClick={() => setRevoking(k)}>
            Revoke
          </Button>
        ),
      text: () => null,
    },
  ];

  return (
    <>
      <DataList
        name="api-keys"
        title="API keys"
        columns={columns}
        filterGroups={[
          { key: 'scope', label: 'Scope', options: SCOPES.map(({ value, label }) => ({ value, label })) },
          {
            key: 'state',
            label: 'Status',
            options: [
              { value: 'active', label: 'Not revoked' },
              { value: 'revoked', label: 'Revoked' },
            ],
          },
        ]}
        fetchPage={(state) => client.apiKeys.list({ ...variables(state), ...pageArgs(state) })}
        fetchAll={(state) => client.paginate(ApiKeysListDocument, variables(state), { path: 'apiKeys' })}
        emptyText="No API keys yet."
        actions={<Button onClick={() => setCreating(true)}>New API key</Button>}
      />
      <Modal
        opened={creating || created !== null}
        onClose={() => {
          // The secret's dialog closes only through its button, so that it is not dismissed by a stray click.
          if (!created) setCreating(false);
        }}
        closeOnClickOutside={!created}
        closeOnEscape={!created}
        withCloseButton={!created}
        title={created ? `API key “${created.name}” created` : 'New API key'}
        size="lg"
      >
        {created ? (
          <KeySecret
            name={created.name}
            secret={created.secret}
            onDone={() => {
              setCreated(null);
              setCreating(false);
            }}
          />
        ) : (
          <CreateKeyForm
            onCreated={(name, secret) => setCreated({ name, secret })}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke this API key?" centered>
        <Text size="sm" mb="md">
          Requests with “{revoking?.name}” ({revoking?.prefix}…) are refused from the moment it is revoked. This cannot
          be undone: the program using it needs a new key.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setRevoking(null)}>
            Keep it
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking)}>
            Revoke key
          </Button>
        </Group>
      </Modal>
    </>
  );
}
