import { Badge, Button, Code, Drawer, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import {
  ApiKeysListDocument,
  type AuditEventFieldsFragment,
  type AuditEventFilter,
  type AuditEventOrderField,
  AuditEventsListDocument,
} from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dateTime } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import { entityTypeLabel } from '../lists/labels.ts';
import type { ListState } from '../lists/useListState.ts';
import { RemoteSelect } from '../pickers/RemoteSelect.tsx';
import { auditDiff } from './diff.ts';

/** The entity types the API records changes of. */
const ENTITY_TYPES = [
  'Program',
  'ReviewCriterion',
  'Seminar',
  'Session',
  'Enrollment',
  'Attendance',
  'Feedback',
  'Proposal',
  'Review',
  'Milestone',
  'ProgressReport',
  'Organization',
  'Person',
  'Place',
  'User',
  'ApiKey',
];
/** Actions are `<entity>.<verb>`; these chips pick by the verb. */
const CHANGES = [
  { value: 'create', label: 'Created' },
  { value: 'update', label: 'Updated' },
  { value: 'delete', label: 'Deleted' },
];

/** A day typed in a date input (the viewer's calendar) as the instant it starts. */
const dayStart = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
};

function variables(state: ListState<string>) {
  const all: AuditEventFilter[] = [];
  const entities = state.filters.entity ?? [];
  if (entities.length) all.push({ OR: entities.map((entityType) => ({ entityType })) });
  const changes = state.filters.change ?? [];
  if (changes.length) all.push({ OR: changes.map((verb) => ({ action: { contains: `.${verb}` } })) });
  const [actor] = state.filters.actor ?? [];
  if (actor) all.push({ actorId: actor });
  const [from] = state.filters.from ?? [];
  if (from) all.push({ from: dayStart(from) });
  const [to] = state.filters.to ?? [];
  if (to) all.push({ to: dayStart(to, 1) });
  return {
    search: state.search || null,
    orderBy: state.sort ? { field: state.sort.field as AuditEventOrderField, direction: state.sort.direction } : null,
    filter: all.length ? { AND: all } : null,
  };
}

function who(event: AuditEventFieldsFragment, keyNames: Map<string, string>) {
  if (event.actor) return event.actor.email;
  if (event.actorApiKeyId) return `API key: ${keyNames.get(event.actorApiKeyId) ?? event.actorApiKeyId}`;
  return 'Not recorded';
}

/** The changes of one event, field by field: before struck through, after next to it. */
function EventDetails({ event, actor }: { event: AuditEventFieldsFragment; actor: string }) {
  const [all, setAll] = useState(false);
  const rows = auditDiff(event.before, event.after);
  const shown = all ? rows : rows.filter((row) => row.changed);
  return (
    <Stack gap="sm">
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={120}>When</Table.Th>
            <Table.Td>{dateTime(event.at)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Who</Table.Th>
            <Table.Td>{actor}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Action</Table.Th>
            <Table.Td>
              <Code>{event.action}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Entity</Table.Th>
            <Table.Td>
              {entityTypeLabel(event.entityType)}
              {event.entityTitle ? `: ${event.entityTitle}` : ''} <Code>{event.entityId}</Code>
            </Table.Td>
          </Table.Tr>
          {event.requestId && (
            <Table.Tr>
              <Table.Th>Request</Table.Th>
              <Table.Td>
                <Code>{event.requestId}</Code>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {event.before == null ? 'Created with' : event.after == null ? 'Deleted, as it was' : 'Changes'}
        </Text>
        {event.before != null && event.after != null && (
          <Switch
            size="xs"
            label="Show unchanged fields"
            checked={all}
            onChange={(e) => setAll(e.currentTarget.checked)}
          />
        )}
      </Group>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          No field changed.
        </Text>
      ) : (
        <Table layout="fixed" withTableBorder withColumnBorders data-testid="audit-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">Field</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.field} data-testid="audit-diff-row" data-changed={row.changed}>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  <Text size="sm" fw={row.changed ? 600 : 400}>
                    {row.field}
                  </Text>
                </Table.Td>
                <Table.Td
                  bg={row.changed && row.before !== null ? 'var(--mantine-color-red-light)' : undefined}
                  style={{ wordBreak: 'break-word' }}
                >
                  <Text size="sm" td={row.changed && row.before !== null ? 'line-through' : undefined}>
                    {row.before ?? (
                      <Text span c="dimmed" fs="italic" size="sm">
                        none
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td
                  bg={row.changed && row.after !== null ? 'var(--mantine-color-green-light)' : undefined}
                  style={{ wordBreak: 'break-word' }}
                >
                  <Text size="sm">
                    {row.after ?? (
                      <Text span c="dimmed" fs="italic" size="sm">
                        none
                      </Text>
                    )}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The audit trail (administrators): every change made through the API, the latest first. */
export function AuditLogPage() {
  const { client } = useSession();
  const [open, setOpen] = useState<AuditEventFieldsFragment | null>(null);
  // Changes made with an API key name the key; its name reads better than its ID.
  const keys = useQuery({
    queryKey: ['list', 'api-keys', 'names'],
    queryFn: async () => {
      const names = new Map<string, string>();
      for await (const key of client.paginate(ApiKeysListDocument, {}, { path: 'apiKeys' }))
        names.set(key.id, key.name);
      return names;
    },
  });
  const keyNames = keys.data ?? new Map<string, string>();

  const columns: Column<AuditEventFieldsFragment>[] = [
    { key: 'at', label: 'When', render: (e) => dateTime(e.at), text: (e) => e.at, sortField: 'AT', nowrap: true },
    { key: 'who', label: 'Who', render: (e) => who(e, keyNames), text: (e) => who(e, keyNames) },
    {
      key: 'action',
      label: 'Action',
      render: (e) => <Code>{e.action}</Code>,
      text: (e) => e.action,
      sortField: 'ACTION',
      nowrap: true,
    },
    {
      key: 'entity',
      label: 'Entity',
      render: (e) => (
        <Group gap={6} wrap="nowrap">
          <Badge variant="light" color="gray">
            {entityTypeLabel(e.entityType)}
          </Badge>
          {e.entityTitle && (
            <Text size="sm" fw={500} lineClamp={1} data-testid="entity-title">
              {e.entityTitle}
            </Text>
          )}
        </Group>
      ),
      text: (e) => (e.entityTitle ? `${e.entityType}: ${e.entityTitle}` : e.entityType),
    },
    {
      key: 'summary',
      label: 'Changed',
      render: (e) => {
        const changed = auditDiff(e.before, e.after).filter((row) => row.changed);
        return (
          <Text size="sm" lineClamp={1}>
            {e.before && e.after ? changed.map((row) => row.field).join(', ') : ''}
          </Text>
        );
      },
      text: (e) =>
        auditDiff(e.before, e.after)
          .filter((row) => row.changed)
          .map((row) => row.field)
          .join(' '),
    },
    {
      key: 'entityId',
      label: 'Entity ID',
      render: (e) => <Code>{e.entityId}</Code>,
      text: (e) => e.entityId,
      initiallyVisible: false,
    },
    {
      key: 'before',
      label: 'Before',
      render: (e) => (e.before ? 'JSON' : '—'),
      text: (e) => (e.before == null ? null : JSON.stringify(e.before)),
      initiallyVisible: false,
    },
    {
      key: 'after',
      label: 'After',
      render: (e) => (e.after ? 'JSON' : '—'),
      text: (e) => (e.after == null ? null : JSON.stringify(e.after)),
      initiallyVisible: false,
    },
    {
      key: 'details',
      label: 'Details',
      render: (e) => (
        <Button size="compact-xs" variant="light" onClick={() => setOpen(e)} aria-label={`Details of ${e.action}`}>
          Details
        </Button>
      ),
      text: () => null,
    },
  ];

  return (
    <>
      <DataList
        name="audit"
        title="Audit log"
        columns={columns}
        filterGroups={[
          { key: 'change', label: 'Change', options: CHANGES },
          {
            key: 'entity',
            label: 'Entity',
            options: ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(type) })),
          },
        ]}
        params={['actor', 'from', 'to']}
        toolbar={({ state, update }) => (
          <>
            <RemoteSelect
              kind="users"
              label="Who"
              placeholder="Anyone"
              w={260}
              value={state.filters.actor?.[0] ?? null}
              onChange={(value) => update({ actor: value })}
              search={async (text) =>
                (await client.users.list({ first: 20, search: text || null })).nodes.map((user) => ({
                  value: user.id,
                  label: user.email,
                }))
              }
            />
            <TextInput
              type="date"
              label="From"
              value={state.filters.from?.[0] ?? ''}
              onChange={(event) => update({ from: event.currentTarget.value || null })}
              w={150}
            />
            <TextInput
              type="date"
              label="To"
              value={state.filters.to?.[0] ?? ''}
              onChange={(event) => update({ to: event.currentTarget.value || null })}
              w={150}
            />
          </>
        )}
        fetchPage={(state) => client.auditEvents.list({ ...variables(state), ...pageArgs(state) })}
        fetchAll={(state) => client.paginate(AuditEventsListDocument, variables(state), { path: 'auditEvents' })}
        emptyText="Nothing changed through the API yet."
      />
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="xl"
        title={open ? `${open.action}` : ''}
      >
        {open && <EventDetails event={open} actor={who(open, keyNames)} />}
      </Drawer>
    </>
  );
}
