import { Anchor, Badge, Button } from '@mantine/core';
import {
  type SeminarFieldsFragment,
  type SeminarOrderField,
  type SeminarStatus,
  SeminarsListDocument,
} from '@seminarhub/sdk';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { date } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useIsStaff } from '../../lib/viewer.ts';
import { type Column, DataList, pageArgs } from '../lists/DataList.tsx';
import { enumLabel as label } from '../lists/labels.ts';
import type { ListState } from '../lists/useListState.ts';
import { SeminarEditor } from './SeminarEditor.tsx';
import { SEMINAR_STATUS_COLOURS, SEMINAR_STATUSES } from './status.ts';

const COLUMNS: Column<SeminarFieldsFragment>[] = [
  { key: 'code', label: 'Code', render: (s) => s.code, text: (s) => s.code, nowrap: true },
  {
    key: 'title',
    label: 'Title',
    render: (s) => (
      <Anchor component={RouterLink} to={`/seminars/${s.id}`} size="sm">
        {s.title}
      </Anchor>
    ),
    text: (s) => s.title,
    sortField: 'TITLE',
  },
  { key: 'program', label: 'Programme', render: (s) => s.program.title, text: (s) => s.program.title },
  {
    key: 'status',
    label: 'Status',
    render: (s) => (
      <Badge color={SEMINAR_STATUS_COLOURS[s.status]} variant="light">
        {label(s.status)}
      </Badge>
    ),
    text: (s) => s.status,
    sortField: 'STATUS',
    nowrap: true,
  },
  {
    key: 'start',
    label: 'Starts',
    render: (s) => date(s.startDate),
    text: (s) => s.startDate,
    sortField: 'START_DATE',
    nowrap: true,
  },
  {
    key: 'end',
    label: 'Ends',
    render: (s) => date(s.endDate),
    text: (s) => s.endDate,
    sortField: 'END_DATE',
    nowrap: true,
  },
  { key: 'city', label: 'City', render: (s) => s.city ?? '—', text: (s) => s.city },
  { key: 'capacity', label: 'Places', render: (s) => s.capacity ?? '—', text: (s) => s.capacity },
  {
    key: 'attendance',
    label: 'Attendance',
    render: (s) => (s.attendanceRate === null ? '—' : `${Math.round(s.attendanceRate * 100)}%`),
    text: (s) => s.attendanceRate,
    initiallyVisible: false,
  },
  {
    key: 'partner',
    label: 'Partner',
    render: (s) => s.partner?.name ?? '—',
    text: (s) => s.partner?.name,
    initiallyVisible: false,
  },
];

function variables(state: ListState<string>) {
  const statuses = state.filters.status as SeminarStatus[] | undefined;
  const programs = state.filters.program;
  const conditions = [
    ...(statuses?.length ? [{ status: { in: statuses } }] : []),
    ...(programs?.length ? [{ programId: { in: programs } }] : []),
  ];
  return {
    search: state.search || null,
    orderBy: state.sort ? { field: state.sort.field as SeminarOrderField, direction: state.sort.direction } : null,
    filter: conditions.length ? { AND: conditions } : null,
  };
}

export function SeminarsPage() {
  const { client } = useSession();
  const staff = useIsStaff();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const programs = useQuery({
    queryKey: ['programs', 'options'],
    queryFn: async () => (await client.programs.list({ first: 100 })).nodes,
  });
  return (
    <>
      <DataList
        name="seminars"
        title="Seminars"
        columns={COLUMNS}
        filterGroups={[
          { key: 'status', label: 'Status', options: SEMINAR_STATUSES.map((s) => ({ value: s, label: label(s) })) },
          {
            key: 'program',
            label: 'Programme',
            options: (programs.data ?? []).map((program) => ({ value: program.id, label: program.code })),
          },
        ]}
        fetchPage={(state) => client.seminars.list({ ...variables(state), ...pageArgs(state) })}
        fetchAll={(state) => client.paginate(SeminarsListDocument, variables(state), { path: 'seminars' })}
        emptyText="No seminars yet."
        actions={staff && <Button onClick={() => setCreating(true)}>New seminar</Button>}
      />
      {creating && (
        <SeminarEditor
          seminar={null}
          onClose={() => setCreating(false)}
          onSaved={(seminar) => navigate(`/seminars/${seminar.id}`)}
        />
      )}
    </>
  );
}
