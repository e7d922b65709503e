import { Badge, Group, Stack, Text } from '@mantine/core';
import {
  type EnrollmentFilter,
  type EnrollmentOrderField,
  type EnrollmentRole,
  type EnrollmentStatus,
  EnrollmentsListDocument,
} from '@seminarhub/sdk';
import { date } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { type Column, DataList, type FilterGroup, pageArgs } from '../lists/DataList.tsx';
import { enumLabel, enumWords } from '../lists/labels.ts';
import type { ListState } from '../lists/useListState.ts';
import { useCanManageSeminar, useSeminar } from '../seminars/useSeminar.ts';
import { BulkSteps } from './BulkSteps.tsx';
import { CapacitySummary } from './CapacitySummary.tsx';
import { EnrollButton } from './EnrollForm.tsx';
import { EnrollManyButton } from './EnrollMany.tsx';
import { EnrollmentActions } from './EnrollmentActions.tsx';
import {
  ENROLLMENT_ROLES,
  ENROLLMENT_STATUS_COLOURS,
  ENROLLMENT_STATUSES,
  type EnrollmentRow,
  PARTICIPATING,
} from './status.ts';
import { useSeminarEnrollments } from './useSeminarEnrollments.ts';

const COLUMNS: Column<EnrollmentRow>[] = [
  {
    key: 'person',
    label: 'Participant',
    render: (e) => (
      <Text size="sm" fw={500}>
        {e.person.fullName}
      </Text>
    ),
    text: (e) => e.person.fullName,
  },
  {
    key: 'worksAt',
    label: 'Works at',
    render: (e) => e.person.organization?.name ?? '—',
    text: (e) => e.person.organization?.name,
  },
  {
    key: 'nominatedBy',
    label: 'Nominated by',
    render: (e) => e.organization?.name ?? '—',
    text: (e) => e.organization?.name,
    initiallyVisible: false,
  },
  { key: 'role', label: 'Role', render: (e) => enumLabel(e.role), text: (e) => e.role, nowrap: true },
  {
    key: 'status',
    label: 'Status',
    render: (e) => (
      <Group gap={4} wrap="nowrap">
        <Badge color={ENROLLMENT_STATUS_COLOURS[e.status]} variant="light">
          {enumLabel(e.status)}
        </Badge>
        {e.waitlistPosition !== null && (
          <Text size="xs" c="dimmed">
            #{e.waitlistPosition}
          </Text>
        )}
      </Group>
    ),
    text: (e) => e.status,
    sortField: 'STATUS',
    nowrap: true,
  },
  {
    key: 'applied',
    label: 'Applied',
    render: (e) => date(e.appliedAt),
    text: (e) => e.appliedAt,
    sortField: 'APPLIED_AT',
    nowrap: true,
  },
  {
    key: 'decided',
    label: 'Decided',
    render: (e) => date(e.decidedAt),
    text: (e) => e.decidedAt,
    nowrap: true,
    initiallyVisible: false,
  },
  {
    key: 'sex',
    label: 'Sex',
    render: (e) => (e.person.sex ? enumLabel(e.person.sex) : '—'),
    text: (e) => e.person.sex,
    initiallyVisible: false,
  },
  {
    key: 'attended',
    label: 'Sessions attended',
    render: (e) => (PARTICIPATING.includes(e.status) ? attended(e) : '—'),
    text: (e) => attended(e),
    initiallyVisible: false,
  },
];

const attended = (e: EnrollmentRow) => e.attendance.filter((a) => a.status === 'PRESENT' || a.status === 'LATE').length;

const ACTIONS: Column<EnrollmentRow> = {
  key: 'actions',
  label: 'Actions',
  render: (e) => <EnrollmentActions row={e} />,
  nowrap: true,
};

/** The chips' choices as the API's filter: those through the person are a PersonFilter on the relation. */
function variables(state: ListState<string>, seminarId: string) {
  const { status, role, nominatedBy, worksAt } = state.filters;
  const filter: EnrollmentFilter = {
    seminarId: { eq: seminarId },
    ...(status?.length ? { status: { in: status as EnrollmentStatus[] } } : {}),
    ...(role?.length ? { role: { in: role as EnrollmentRole[] } } : {}),
    ...(nominatedBy?.length ? { organizationId: { in: nominatedBy } } : {}),
    // Through the relation: the enrolled person's own organization, by the person's filter.
    ...(worksAt?.length ? { person: { organizationId: { in: worksAt } } } : {}),
  };
  return {
    search: state.search || null,
    orderBy: state.sort ? { field: state.sort.field as EnrollmentOrderField, direction: state.sort.direction } : null,
    filter,
  };
}

/** The organizations found among the seminar's enrollments, as chip options. */
function organizations(
  rows: EnrollmentRow[] | undefined,
  of: (row: EnrollmentRow) => { id: string; name: string } | null,
) {
  const found = new Map<string, string>();
  for (const row of rows ?? []) {
    const organization = of(row);
    if (organization) found.set(organization.id, organization.name);
  }
  return [...found].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** A seminar's enrollments: places and waiting list above, the list with its steps below. */
export function EnrollmentsPage() {
  const seminar = useSeminar().data;
  const seminarId = seminar?.id ?? '';
  const { client } = useSession();
  const staff = useCanManageSeminar();
  const all = useSeminarEnrollments(seminarId);
  if (!seminar) return null;

  const filterGroups: FilterGroup[] = [
    { key: 'status', label: 'Status', options: ENROLLMENT_STATUSES.map((s) => ({ value: s, label: enumLabel(s) })) },
    { key: 'role', label: 'Role', options: ENROLLMENT_ROLES.map((r) => ({ value: r, label: enumLabel(r) })) },
    { key: 'worksAt', label: 'Works at', options: organizations(all.data, (row) => row.person.organization) },
    { key: 'nominatedBy', label: 'Nominated by', options: organizations(all.data, (row) => row.organization) },
  ];
  // Staff may nominate to a DRAFT or PUBLISHED seminar (enrollmentApply); later ones take no applications.
  const open = seminar.status === 'DRAFT' || seminar.status === 'PUBLISHED';

  return (
    <Stack gap="lg">
      <CapacitySummary capacity={seminar.capacity} rows={all.data} />
      <DataList
        key={seminarId}
        name="enrollments"
        title="Enrollments"
        headingOrder={2}
        fixed={seminarId}
        columns={staff ? [...COLUMNS, ACTIONS] : COLUMNS}
        filterGroups={filterGroups}
        fetchPage={(state, id) => client.enrollments.list({ ...variables(state, id), ...pageArgs(state) })}
        fetchAll={(state, id) =>
          client.paginate(EnrollmentsListDocument, variables(state, id), { path: 'enrollments' })
        }
        emptyText="Nobody is enrolled yet."
        selection={
          staff
            ? {
                label: (row) => row.person.fullName,
                actions: (rows, clear) => <BulkSteps rows={rows} onDone={clear} />,
              }
            : undefined
        }
        actions={
          staff &&
          (open ? (
            <>
              <EnrollManyButton seminarId={seminarId} />
              <EnrollButton seminarId={seminarId} />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              The seminar is {enumWords(seminar.status)}: it takes no new enrollments.
            </Text>
          ))
        }
      />
    </Stack>
  );
}
