import {
  type OrganizationFieldsFragment,
  type OrganizationOrderField,
  OrganizationsListDocument,
  type OrganizationType,
} from '@seminarhub/sdk';
import { useSession } from '../../lib/session.tsx';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import { enumLabel } from '../lists/labels.ts';
import type { ListState } from '../lists/useListState.ts';

export const ORGANIZATION_TYPES: OrganizationType[] = [
  'MINISTRY',
  'AGENCY',
  'LOCAL_GOVERNMENT',
  'PUBLIC_ENTERPRISE',
  'ACADEMIA',
  'INTERNATIONAL_ORG',
  'DONOR',
  'NGO',
  'PRIVATE',
];

const COLUMNS: Column<OrganizationFieldsFragment>[] = [
  { key: 'name', label: 'Name', render: (o) => o.name, text: (o) => o.name, sortField: 'NAME' },
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

export function OrganizationsPage() {
  const { client } = useSession();
  return (
    <DataList
      name="organizations"
      title="Organizations"
      columns={COLUMNS}
      filterGroups={[
        { key: 'type', label: 'Type', options: ORGANIZATION_TYPES.map((t) => ({ value: t, label: enumLabel(t) })) },
      ]}
      fetchPage={(state) => client.organizations.list({ ...variables(state), ...pageArgs(state) })}
      fetchAll={(state) => client.paginate(OrganizationsListDocument, variables(state), { path: 'organizations' })}
      emptyText="No organizations yet."
    />
  );
}
