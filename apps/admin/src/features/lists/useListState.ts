import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

export interface ListState<Field extends string> {
  search: string;
  sort: { field: Field; direction: 'ASC' | 'DESC' } | null;
  /** Values chosen for each filter chip group, by the group's key. */
  filters: Record<string, string[]>;
  after: string | null;
  before: string | null;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100];

/** Changes URL parameters of a list; a null or empty value removes one. */
export type ListUpdate = (changes: Partial<Record<string, string | null>>, options?: { keepPage?: boolean }) => void;

/**
 * A list's search, sort, filters and page, kept in the URL (`?q=&sort=TITLE:ASC&status=DRAFT,PUBLISHED&after=`)
 * so that a view can be bookmarked, shared and restored with the back button.
 */
export function useListState<Field extends string>(filterKeys: string[]) {
  const [params, setParams] = useSearchParams();
  // The URL as last written: two changes before a render (a chip, then a debounced search) must build on
  // each other, and react-router hands a functional update the params of the last render instead.
  const latest = useRef(params);
  latest.current = params;
  const state = useMemo<ListState<Field>>(() => {
    const [field, direction] = (params.get('sort') ?? '').split(':');
    const size = Number(params.get('size'));
    return {
      search: params.get('q') ?? '',
      sort: field ? { field: field as Field, direction: direction === 'DESC' ? 'DESC' : 'ASC' } : null,
      filters: Object.fromEntries(filterKeys.map((key) => [key, params.get(key)?.split(',').filter(Boolean) ?? []])),
      after: params.get('after'),
      before: params.get('before'),
      pageSize: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0]!,
    };
  }, [params, filterKeys]);

  const update = useCallback<ListUpdate>(
    (changes, { keepPage = false } = {}) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      // A new search, sort or filter starts again at the first page.
      if (!keepPage) {
        next.delete('after');
        next.delete('before');
      }
      latest.current = next;
      setParams(next);
    },
    [setParams],
  );
  return { state, update };
}
