import { Button } from '@mantine/core';
import {
  type OrganizationFieldsFragment,
  type OrganizationOrderField,
  OrganizationsListDocument,
  type OrganizationType,
} from '@seminarhub/sdk';
import { useMemo, useState } from 'react';
import { useSession } from '../../lib/session.tsx';
import { useIsStaff } from '../../lib/viewer.ts';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import { EditLink } from '../lists/EditLink.tsx';
import { enumLabel } from '../lists/labels.ts';
import type { ListState } from '../lists/useListState.ts';
import { OrganizationEditor } from './OrganizationEditor.tsx';
import { ORGANIZATION_TYPES } from './types.ts';

/** The columns; with `edit`, a name opens the organization in the editor. */
const columns = (edit?: (organization: OrganizationFieldsFragment) => void): Column<OrganizationFieldsFragment>[] => [
  {
    key: 'name',
    label: 'Name',
    render: (o) => <EditLink onEdit={edit && (() => edit(o))}>{o.name}</EditLink>,
    text: (o) => o.name,
    sortField: 'NAME',
  },
  { key: 'acronym', label: 'Acronym', render: (o) => o.acronym ?? '—', text: (o) => o.acronym, nowrap: true },
  { key: 'type', label: 'Type', render: (o) => enumLabel(o.type), text: (o) => o.type, sortField: 'TYPE' },
  {
    key: 'country',
    label: 'Country',
    render: (o) => o.countryCode,
    text: (o) => o.countryCode,
    sortField: 'COUNTRY',
    nowrap: true,
  },
  { key: 'parent', label: 'Part of', render: (o) => o.parent?.name ?? '—', text: (o) => o.parent?.name },
  {
    key: 'website',
    label: 'Website',
    render: (o) => o.website ?? '—',
    text: (o) => o.website,
    initiallyVisible: false,
  },
];

function variables(state: ListState<string>) {
  const types = state.filters.type as OrganizationType[] | undefined;
  return {
    search: state.search || null,
    orderBy: state.sort ? { field: state.sort.field as OrganizationOrderField, direction: state.sort.direction } : null,
    filter: types?.length ? { type: { in: types } } : null,
  };
}

/** Editing: an organization, `'new'`, or none. */
type Editing = OrganizationFieldsFragment | 'new' | null;

export function OrganizationsPage() {
  const { client } = useSession();
  const staff = useIsStaff();
  const [editing, setEditing] = useState<Editing>(null);
  const shown = useMemo(() => columns(staff ? setEditing : undefined), [staff]);
  return (
    <>
      <DataList
        name="organizations"
        title="Organizations"
        columns={shown}
        actions={staff && <Button onClick={() => setEditing('new')}>New organization</Button>}
        filterGroups={[
          { key: 'type', label: 'Type', options: ORGANIZATION_TYPES.map((t) => ({ value: t, label: enumLabel(t) })) },
        ]}
        fetchPage={(state) => client.organizations.list({ ...variables(state), ...pageArgs(state) })}
        fetchAll={(state) => client.paginate(OrganizationsListDocument, variables(state), { path: 'organizations' })}
        emptyText="No organizations yet."
      />
      {editing && (
        <OrganizationEditor organization={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
