import { Button } from '@mantine/core';
import { type PlaceFieldsFragment, type PlaceKind, type PlaceOrderField, PlacesListDocument } from '@seminarhub/sdk';
import { useMemo, useState } from 'react';
import { useSession } from '../../lib/session.tsx';
import { useIsStaff } from '../../lib/viewer.ts';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import { EditLink } from '../lists/EditLink.tsx';
import { enumLabel } from '../lists/labels.ts';
import type { ListState } from '../lists/useListState.ts';
import { PLACE_KINDS } from './kinds.ts';
import { PlaceEditor } from './PlaceEditor.tsx';

/** The columns; with `edit`, a name opens the place in the editor. */
const columns = (edit?: (place: PlaceFieldsFragment) => void): Column<PlaceFieldsFragment>[] => [
  {
    key: 'name',
    label: 'Name',
    render: (p) => <EditLink onEdit={edit && (() => edit(p))}>{p.name}</EditLink>,
    text: (p) => p.name,
    sortField: 'NAME',
  },
  { key: 'kind', label: 'Kind', render: (p) => enumLabel(p.kind), text: (p) => p.kind, nowrap: true },
  { key: 'city', label: 'City', render: (p) => p.city ?? '—', text: (p) => p.city },
  { key: 'country', label: 'Country', render: (p) => p.countryCode, text: (p) => p.countryCode, nowrap: true },
  { key: 'address', label: 'Address', render: (p) => p.address ?? '—', text: (p) => p.address },
  {
    key: 'host',
    label: 'Host organization',
    render: (p) => p.hostOrganization?.name ?? '—',
    text: (p) => p.hostOrganization?.name,
  },
];

function variables(state: ListState<string>) {
  const kinds = state.filters.kind as PlaceKind[] | undefined;
  return {
    search: state.search || null,
    orderBy: state.sort ? { field: state.sort.field as PlaceOrderField, direction: state.sort.direction } : null,
    filter: kinds?.length ? { kind: { in: kinds } } : null,
  };
}

/** Editing: a place, `'new'`, or none. */
type Editing = PlaceFieldsFragment | 'new' | null;

/** Venues, sites and hotels where sessions are held; staff record and change them here. */
export function PlacesPage() {
  const { client } = useSession();
  const staff = useIsStaff();
  const [editing, setEditing] = useState<Editing>(null);
  const shown = useMemo(() => columns(staff ? setEditing : undefined), [staff]);
  return (
    <>
      <DataList
        name="places"
        title="Places"
        columns={shown}
        actions={staff && <Button onClick={() => setEditing('new')}>New place</Button>}
        filterGroups={[
          { key: 'kind', label: 'Kind', options: PLACE_KINDS.map((kind) => ({ value: kind, label: enumLabel(kind) })) },
        ]}
        fetchPage={(state) => client.places.list({ ...variables(state), ...pageArgs(state) })}
        fetchAll={(state) => client.paginate(PlacesListDocument, variables(state), { path: 'places' })}
        emptyText="No places yet."
      />
      {editing && <PlaceEditor place={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
