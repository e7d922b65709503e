import {
  Button,
  Checkbox,
  Chip,
  Group,
  Menu,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback, useLocalStorage } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { withChosen } from './chosen.ts';
import { download, toCsv } from './csv.ts';
import { type ListState, type ListUpdate, PAGE_SIZES, useListState } from './useListState.ts';

export interface Column<Row> {
  key: string;
  label: string;
  render(row: Row): ReactNode;
  /** The cell as plain text, for CSV; columns without it (row actions) are left out of the export. */
  text?(row: Row): string | number | null | undefined;
  /** The API's order field, when the list can be sorted by this column. */
  sortField?: string;
  /** Short values (codes, dates, statuses) that read badly when wrapped. */
  nowrap?: boolean;
  /** Shown before the viewer chooses columns. Default true. */
  initiallyVisible?: boolean;
}

export interface FilterGroup {
  key: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface Page<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  nodes: Row[];
}

export interface DataListProps<Row extends { id: string }, Fixed = undefined> {
  /** Names the list in storage keys, query keys and the export's file name. */
  name: string;
  title: string;
  /** 2 when the list is a tab under a page's own heading. */
  headingOrder?: 1 | 2;
  /**
   * Variables the page fixes rather than the viewer (the seminar of a seminar's enrollments): part of the
   * query key, so two seminars' lists are never mixed up, and handed to fetchPage and fetchAll.
   */
  fixed?: Fixed;
  columns: Column<Row>[];
  filterGroups?: FilterGroup[];
  /** One page for the list's state: first/after or last/before, with its filter, sort and search. */
  fetchPage(state: ListState<string>, fixed: Fixed): Promise<Page<Row>>;
  /** Every row of the current view, for CSV export. */
  fetchAll(state: ListState<string>, fixed: Fixed): AsyncIterable<Row>;
  emptyText: string;
  actions?: ReactNode;
  /** More URL parameters of the list's state beyond the chip groups (a date range), read in `state.filters`. */
  params?: string[];
  /** Controls for those parameters, shown after the search box. */
  toolbar?(list: { state: ListState<string>; update: ListUpdate }): ReactNode;
  /** Rows can be chosen, on this page or across the whole filtered view, for actions on many at once. */
  selection?: {
    /** Names a row in its checkbox's label. */
    label(row: Row): string;
    /** What can be done to the chosen rows; `clear` empties the choice. */
    actions(rows: Row[], clear: () => void): ReactNode;
  };
}

/**
 * A list screen: search, filter chips, sortable columns, cursor pages, a column choice kept per browser,
 * CSV export of the whole filtered view, and, when asked for, a choice of rows for actions on many. Its state
 * lives in the URL; the choice of rows lives in the page, across pages and filters until cleared.
 */
export function DataList<Row extends { id: string }, Fixed = undefined>(props: DataListProps<Row, Fixed>) {
  const { name, title, columns, filterGroups = [], emptyText, fixed = undefined as Fixed, params = [] } = props;
  const { state, update } = useListState<string>([...filterGroups.map((group) => group.key), ...params]);
  const [visible, setVisible] = useLocalStorage<string[]>({
    key: `seminarhub.columns.${name}`,
    defaultValue: columns.filter((column) => column.initiallyVisible !== false).map((column) => column.key),
    getInitialValueInEffect: false,
  });
  const [search, setSearch] = useState(state.search);
  const applySearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);
  const [exporting, setExporting] = useState(false);
  const [selected, setSelected] = useState<ReadonlyMap<string, Row>>(new Map());
  const [selectingAll, setSelectingAll] = useState(false);

  const page = useQuery({
    queryKey: ['list', name, fixed, state],
    queryFn: () => props.fetchPage(state, fixed),
    placeholderData: keepPreviousData,
  });
  const shown = columns.filter((column) => visible.includes(column.key));

  async function exportCsv() {
    setExporting(true);
    try {
      const rows: Row[] = [];
      for await (const row of props.fetchAll(state, fixed)) rows.push(row);
      const exported = shown.filter((column) => column.text);
      download(
        `${name}-${new Date().toISOString().slice(0, 10)}.csv`,
        toCsv(
          exported.map((column) => column.label),
          rows.map((row) => exported.map((column) => column.text!(row))),
        ),
      );
    } finally {
      setExporting(false);
    }
  }

  async function selectAllFiltered() {
    setSelectingAll(true);
    try {
      const next = new Map(selected);
      for await (const row of props.fetchAll(state, fixed)) next.set(row.id, row);
      setSelected(next);
    } finally {
      setSelectingAll(false);
    }
  }

  const choose = (rows: readonly Row[], on: boolean) => setSelected(withChosen(selected, rows, on));

  function sortBy(field: string) {
    const direction = state.sort?.field === field && state.sort.direction === 'ASC' ? 'DESC' : 'ASC';
    update({ sort: `${field}:${direction}` });
  }

  const total = page.data?.totalCount ?? 0;
  const onPage = page.data?.nodes ?? [];
  const chosenOnPage = onPage.filter((row) => selected.has(row.id)).length;
  const selection = props.selection;
  // One width for every group's label, so that the chips of all groups start in one column.
  const labelWidth = Math.max(60, ...filterGroups.map((group) => group.label.length * 7.5));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={props.headingOrder ?? 1} size={props.headingOrder === 2 ? 'h3' : 'h2'}>
          {title}
        </Title>
        <Group gap="xs">{props.actions}</Group>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Words or their beginnings"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          w={280}
        />
        {props.toolbar?.({ state, update })}
        <Menu closeOnItemClick={false} position="bottom-start">
          <Menu.Target>
            <Button variant="default">Columns</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {columns.map((column) => (
              <Menu.Item key={column.key} component="div">
                <Checkbox
                  label={column.label}
                  checked={visible.includes(column.key)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setVisible(
                      columns.map((c) => c.key).filter((key) => (key === column.key ? on : visible.includes(key))),
                    );
                  }}
                />
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button variant="default" onClick={exportCsv} loading={exporting} disabled={total === 0}>
          Export CSV
        </Button>
      </Group>
      {filterGroups
        .filter((group) => group.options.length > 0)
        .map((group) => (
          <Group key={group.key} gap="xs" role="group" aria-label={group.label} wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={labelWidth} style={{ flexShrink: 0 }} lh="26px">
              {group.label}
            </Text>
            {/* Chips that wrap go on under the first, not under the label. */}
            <Group gap="xs" wrap="wrap">
              <Chip.Group
                multiple
                value={state.filters[group.key] ?? []}
                onChange={(values) => update({ [group.key]: values.join(',') || null })}
              >
                {group.options.map((option) => (
                  <Chip key={option.value} value={option.value} size="xs">
                    {option.label}
                  </Chip>
                ))}
              </Chip.Group>
            </Group>
          </Group>
        ))}

      {selection && selected.size > 0 && (
        <Group gap="sm" wrap="wrap" data-testid={`${name}-selection`}>
          <Text size="sm" fw={500}>
            {selected.size.toLocaleString('en')} selected
          </Text>
          {chosenOnPage === onPage.length && selected.size < total && (
            <Button variant="subtle" size="compact-sm" onClick={selectAllFiltered} loading={selectingAll}>
              Select all {total.toLocaleString('en')} in this view
            </Button>
          )}
          <Button variant="subtle" color="gray" size="compact-sm" onClick={() => setSelected(new Map())}>
            Clear selection
          </Button>
          {selection.actions([...selected.values()], () => setSelected(new Map()))}
        </Group>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-busy={page.isFetching} data-testid={`${name}-table`}>
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <Table.Th w={36}>
                  <Checkbox
                    aria-label="Select all on this page"
                    checked={onPage.length > 0 && chosenOnPage === onPage.length}
                    indeterminate={chosenOnPage > 0 && chosenOnPage < onPage.length}
                    disabled={onPage.length === 0}
                    onChange={(event) => choose(onPage, event.currentTarget.checked)}
                  />
                </Table.Th>
              )}
              {shown.map((column) => {
                const sorted = state.sort?.field === column.sortField ? state.sort?.direction : undefined;
                return (
                  <Table.Th
                    key={column.key}
                    aria-sort={sorted === 'ASC' ? 'ascending' : sorted === 'DESC' ? 'descending' : undefined}
                  >
                    {column.sortField ? (
                      <UnstyledButton onClick={() => sortBy(column.sortField!)} fw={600} fz="sm">
                        {column.label} {sorted === 'ASC' ? '▲' : sorted === 'DESC' ? '▼' : ''}
                      </UnstyledButton>
                    ) : (
                      column.label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.isPending
              ? Array.from({ length: 5 }, (_, index) => (
                  <Table.Tr key={`loading-${index}`}>
                    {selection && <Table.Td />}
                    {shown.map((column) => (
                      <Table.Td key={column.key}>
                        <Skeleton h={16} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : page.data?.nodes.map((row) => (
                  <Table.Tr key={row.id} data-testid={`${name}-row`}>
                    {selection && (
                      <Table.Td>
                        <Checkbox
                          aria-label={`Select ${selection.label(row)}`}
                          checked={selected.has(row.id)}
                          onChange={(event) => choose([row], event.currentTarget.checked)}
                        />
                      </Table.Td>
                    )}
                    {shown.map((column) => (
                      <Table.Td key={column.key} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                        {column.render(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {page.data && page.data.nodes.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {state.search || Object.values(state.filters).some((values) => values.length > 0)
            ? 'Nothing matches this search and these filters.'
            : emptyText}
        </Text>
      )}
      {page.isError && <Text c="red">The list could not be loaded: {page.error.message}</Text>}

      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid={`${name}-total`}>
          {total.toLocaleString('en')} in all
        </Text>
        <Group gap="xs">
          <Select
            aria-label="Rows per page"
            data={PAGE_SIZES.map(String)}
            value={String(state.pageSize)}
            onChange={(value) => update({ size: value })}
            w={80}
            allowDeselect={false}
          />
          <Pagination.Root total={1}>
            <Group gap={4}>
              <Pagination.Previous
                aria-label="Previous page"
                disabled={!page.data?.pageInfo.hasPreviousPage}
                onClick={() =>
                  update({ before: page.data?.pageInfo.startCursor ?? null, after: null }, { keepPage: true })
                }
              />
              <Pagination.Next
                aria-label="Next page"
                disabled={!page.data?.pageInfo.hasNextPage}
                onClick={() =>
                  update({ after: page.data?.pageInfo.endCursor ?? null, before: null }, { keepPage: true })
                }
              />
            </Group>
          </Pagination.Root>
        </Group>
      </Group>
    </Stack>
  );
}

/** The pagination arguments for a list state: forward from `after`, or backward before `before`. */
export function pageArgs(state: ListState<string>) {
  return state.before ? { last: state.pageSize, before: state.before } : { first: state.pageSize, after: state.after };
}
