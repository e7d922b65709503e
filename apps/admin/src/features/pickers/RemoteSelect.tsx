import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

export interface Option {
  value: string;
  label: string;
}

export interface RemoteSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue'> {
  /** Names the query, so two pickers of one kind share results. */
  kind: string;
  value: string | null;
  /** The chosen option's label, known before any search (from the record being edited). */
  selectedLabel?: string | null;
  onChange(value: string | null, option: Option | null): void;
  /** The API's matches for what was typed, at most a page. */
  search(text: string): Promise<Option[]>;
  /** Empties the search after a choice, for pickers that add to a list rather than hold a value. */
  clearOnChange?: boolean;
}

/**
 * A searchable select over a list too long to load whole (people, organizations): it asks the API as the
 * viewer types, and keeps the chosen option shown while other results come and go.
 */
export function RemoteSelect({
  kind,
  value,
  selectedLabel,
  onChange,
  search,
  clearOnChange = false,
  ...props
}: RemoteSelectProps) {
  const [text, setText] = useState('');
  const [typed] = useDebouncedValue(text, 250);
  const [chosen, setChosen] = useState<Option | null>(value && selectedLabel ? { value, label: selectedLabel } : null);
  const results = useQuery({
    queryKey: ['pick', kind, typed],
    queryFn: () => search(typed.trim()),
    placeholderData: keepPreviousData,
  });
  const options = [...(results.data ?? [])];
  const current = chosen?.value === value ? chosen : null;
  if (current && !options.some((option) => option.value === current.value)) options.unshift(current);

  return (
    <Select
      {...props}
      searchable
      clearable
      value={value}
      data={options}
      // The API already matched the words; filtering again here would hide its word-start matches.
      filter={({ options: all }) => all}
      searchValue={text}
      onSearchChange={setText}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'Nothing found'}
      onChange={(next) => {
        const option = options.find((o) => o.value === next) ?? null;
        setChosen(option);
        if (clearOnChange) setText('');
        onChange(next, option);
      }}
    />
  );
}
