import { Anchor, Button } from '@mantine/core';
import { type ProgramFieldsFragment, type ProgramOrderField, ProgramsListDocument } from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { Outlet, Link as RouterLink, useLocation } from 'react-router';
import { dateTime } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useViewer } from '../../lib/viewer.ts';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import type { ListState } from '../lists/useListState.ts';

/** Opens the programme's editor over the list, keeping the list's search, sort and page. */
function ProgramLink({ program }: { program: ProgramFieldsFragment }) {
  const { search } = useLocation();
  return (
    <Anchor component={RouterLink} to={{ pathname: `/programs/${program.id}`, search }} size="sm">
      {program.title}
    </Anchor>
  );
}

const COLUMNS: Column<ProgramFieldsFragment>[] = [
  { key: 'code', label: 'Code', render: (p) => p.code, text: (p) => p.code, sortField: 'CODE', nowrap: true },
  {
    key: 'title',
    label: 'Title',
    render: (p) => <ProgramLink program={p} />,
    text: (p) => p.title,
    sortField: 'TITLE',
  },
  { key: 'sector', label: 'Sector', render: (p) => p.sector ?? '—', text: (p) => p.sector },
  { key: 'funder', label: 'Funder', render: (p) => p.funder.name, text: (p) => p.funder.name },
  { key: 'implementer', label: 'Implementer', render: (p) => p.implementer.name, text: (p) => p.implementer.name },
  {
    key: 'updated',
    label: 'Last changed',
    render: (p) => dateTime(p.updatedAt),
    text: (p) => p.updatedAt,
    sortField: 'UPDATED_AT',
    nowrap: true,
  },
  {
    key: 'created',
    label: 'Recorded',
    render: (p) => dateTime(p.createdAt),
    text: (p) => p.createdAt,
    sortField: 'CREATED_AT',
    nowrap: true,
    initiallyVisible: false,
  },
  {
    key: 'description',
    label: 'Description',
    render: (p) => p.description ?? '—',
    text: (p) => p.description,
    initiallyVisible: false,
  },
];

function variables(state: ListState<string>) {
  const funders = state.filters.funder;
  return {
    search: state.search || null,
    orderBy: state.sort ? { field: state.sort.field as ProgramOrderField, direction: state.sort.direction } : null,
    filter: funders?.length ? { funderId: { in: funders } } : null,
  };
}

/** The programmes, with their editor (a drawer at /programs/new and /programs/:programId) over the list. */
export function ProgramsPage() {
  const { client } = useSession();
  const { can } = useViewer();
  const { search } = useLocation();
  // The funder chips: the organizations that fund a programme (ProgramFilter.funderId).
  const funders = useQuery({
    queryKey: ['list', 'programs', 'funders'],
    queryFn: async () => {
      const byId = new Map<string, string>();
      for await (const program of client.paginate(ProgramsListDocument, {}, { path: 'programs' })) {
        byId.set(program.funder.id, program.funder.name);
      }
      return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
    },
  });
  return (
    <>
      <DataList
        name="programs"
        title="Programmes"
        columns={COLUMNS}
        filterGroups={funders.data?.length ? [{ key: 'funder', label: 'Funder', options: funders.data }] : []}
        params={['funder']}
        fetchPage={(state) => client.programs.list({ ...variables(state), ...pageArgs(state) })}
        fetchAll={(state) => client.paginate(ProgramsListDocument, variables(state), { path: 'programs' })}
        emptyText="No programmes yet."
        actions={
          // Programmes are set up by administrators; coordinators change the ones they coordinate.
          can('READ_ALL') &&
          can('WRITE') && (
            <Button component={RouterLink} to={{ pathname: '/programs/new', search }}>
              New programme
            </Button>
          )
        }
      />
      <Outlet />
    </>
  );
}
