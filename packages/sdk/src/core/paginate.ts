import { SeminarHubError } from './errors.ts';

/** The part of a connection that paging needs. */
interface Connection<Node = unknown> {
  nodes: readonly Node[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

type Depth = [never, 0, 1, 2, 3];

/** The dot-separated paths in `T` that lead to a connection, up to 4 levels deep. */
export type ConnectionPath<T, D extends number = 4> = [D] extends [never]
  ? never
  : T extends object
    ? {
        [K in keyof T & string]: NonNullable<T[K]> extends Connection
          ? K
          : NonNullable<T[K]> extends readonly unknown[]
            ? never
            : NonNullable<T[K]> extends object
              ? `${K}.${ConnectionPath<NonNullable<T[K]>, Depth[D]>}`
              : never;
      }[keyof T & string]
    : never;

/** The connection object at a path. */
export type PageAt<T, P> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? PageAt<NonNullable<T[Head]>, Rest>
    : never
  : P extends keyof T
    ? NonNullable<T[P]>
    : never;

/** The node type of the connection at a path. */
export type NodeAt<T, P> = PageAt<T, P> extends { nodes: ReadonlyArray<infer N> } ? N : never;

export const MAX_PAGE_SIZE = 100;

export interface PageSource {
  path: string;
  pageSize: number | undefined;
  fetchPage(document: string, variables: unknown): Promise<unknown>;
}

/** Each page of the connection at `path`, following `endCursor` until `hasNextPage` is false. */
export async function* pages(
  document: string,
  variables: unknown,
  { path, pageSize = MAX_PAGE_SIZE, fetchPage }: PageSource,
): AsyncGenerator<Connection, void, undefined> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}; got ${pageSize}.`);
  }
  let after: string | null = null;
  for (;;) {
    const data = await fetchPage(document, { ...(variables as object), first: pageSize, after });
    const page = connectionAt(data, path);
    if (!page) return;
    yield page;
    if (!page.pageInfo.hasNextPage) return;
    const next = page.pageInfo.endCursor ?? null;
    if (next === null || next === after) {
      throw new SeminarHubError(`paginate: the page at "${path}" has a next page but gave no new endCursor.`);
    }
    after = next;
  }
}

/** Every node of the connection at `path`, across pages. */
export async function* paginate(document: string, variables: unknown, source: PageSource) {
  for await (const page of pages(document, variables, source)) yield* page.nodes;
}

function connectionAt(data: unknown, path: string): Connection | undefined {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === null || value === undefined) return undefined;
  const page = value as Partial<Connection>;
  if (!Array.isArray(page.nodes) || typeof page.pageInfo?.hasNextPage !== 'boolean') {
    throw new SeminarHubError(
      `paginate: "${path}" is not a connection with nodes and pageInfo { hasNextPage endCursor } in the result.`,
    );
  }
  return page as Connection;
}
