import { Button } from '@mantine/core';
import {
  type OrganizationType,
  PeopleListDocument,
  type PersonFieldsFragment,
  type PersonOrderField,
} from '@seminarhub/sdk';
import { useMemo, useState } from 'react';
import { useSession } from '../../lib/session.tsx';
import { useIsStaff } from '../../lib/viewer.ts';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import { EditLink } from '../lists/EditLink.tsx';
import { enumLabel } from '../lists/labels.ts';
import type { ListState } from '../lists/useListState.ts';
import { ORGANIZATION_TYPES } from '../organizations/types.ts';
import { PersonEditor } from './PersonEditor.tsx';

/** The columns; with `edit`, a family name opens the person in the editor. */
const columns = (edit?: (person: PersonFieldsFragment) => void): Column<PersonFieldsFragment>[] => [
  {
    key: 'family',
    label: 'Family name',
    render: (p) => <EditLink onEdit={edit && (() => edit(p))}>{p.familyName}</EditLink>,
    text: (p) => p.familyName,
    sortField: 'FAMILY_NAME',
  },
  { key: 'given', label: 'Given name', render: (p) => p.givenName, text: (p) => p.givenName, sortField: 'GIVEN_NAME' },
  {
    key: 'organization',
    label: 'Organization',
    render: (p) => p.organization?.name ?? '—',
    text: (p) => p.organization?.name,
  },
  { key: 'job', label: 'Job title', render: (p) => p.jobTitle ?? '—', text: (p) => p.jobTitle },
  // Personal details: null for viewers who may not read them, shown as a dash.
  { key: 'email', label: 'Email', render: (p) => p.email ?? '—', text: (p) => p.email },
  {
    key: 'nationality',
    label: 'Nationality',
    render: (p) => p.nationality ?? '—',
    text: (p) => p.nationality,
    nowrap: true,
  },
  {
    key: 'sex',
    label: 'Sex',
    render: (p) => (p.sex ? enumLabel(p.sex) : '—'),
    text: (p) => p.sex,
    initiallyVisible: false,
  },
  {
    key: 'attended',
    label: 'Sessions attended',
    render: (p) => p.sessionsAttended ?? '—',
    text: (p) => p.sessionsAttended,
    initiallyVisible: false,
  },
];

function variables(state: ListState<string>) {
  const types = state.filters.orgType as OrganizationType[] | undefined;
  return {
    search: state.search || null,
    // Through the relation: people whose organization is of these types.
    filter: types?.length ? { organization: { type: { in: types } } } : null,
    orderBy: state.sort ? { field: state.sort.field as PersonOrderField, direction: state.sort.direction } : null,
  };
}

/** Editing: a person, `'new'`, or none. */
type Editing = PersonFieldsFragment | 'new' | null;

export function PeoplePage() {
  const { client } = useSession();
  const staff = useIsStaff();
  const [editing, setEditing] = useState<Editing>(null);
  const shown = useMemo(() => columns(staff ? setEditing : undefined), [staff]);
  return (
    <>
      <DataList
        name="people"
        title="People"
        columns={shown}
        actions={staff && <Button onClick={() => setEditing('new')}>New person</Button>}
        filterGroups={[
          {
            key: 'orgType',
            label: 'Organization',
            options: ORGANIZATION_TYPES.map((type) => ({ value: type, label: enumLabel(type) })),
          },
        ]}
        fetchPage={(state) => client.people.list({ ...variables(state), ...pageArgs(state) })}
        fetchAll={(state) => client.paginate(PeopleListDocument, variables(state), { path: 'people' })}
        emptyText="No people yet."
      />
      {editing && <PersonEditor person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
