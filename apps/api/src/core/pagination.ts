import DataLoader from 'dataloader';
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Return at most this many items from the start of the list (after \`after\`). 0 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return items after this cursor, taken from `pageInfo.endCursor` or an edge of a previous page.',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Return at most this many items from the end of the list (before \`before\`). 0 to ${MAX_PAGE_SIZE}.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return items before this cursor, taken from `pageInfo.startCursor` or an edge of a previous page.',
  })
  before?: string | null;
}

@ObjectType({ description: 'Where a page sits in its list, and the cursors to fetch the pages around it.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when items come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor; null on an empty page." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a list service returns; `totalCount` is a getter, so its query runs only when selected. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** Builds the `<Name>Connection` and `<Name>Edge` types for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string, itemsDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One item of a list of ${itemsDescription}, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item, for `after` and `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${itemsDescription}.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The items of this page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

type SortValue = string | number | boolean | Date;

/** A list ordering: one column (or none) and the row's `id` as the tie-breaker, so that order is total. */
export type ListOrder<Row> = { direction: 'asc' | 'desc' } & (
  | { field?: undefined }
  | {
      /** The Prisma field sorted on; never a nullable one, so that the keyset condition stays simple. */
      field: keyof Row & string;
      /** What the field holds, so that a cursor carrying anything else is refused before the query. */
      kind: 'string' | 'date' | 'number';
      value: (row: Row) => SortValue;
    }
  | {
      field: keyof Row & string;
      /** An enum column: PostgreSQL sorts it in declaration order; a cursor may carry only these values. */
      kind: 'enum';
      values: readonly string[];
      value: (row: Row) => string;
    }
);

/**
 * Search results in relevance order: each matching row's rank. Relevance is not a column, so such a
 * page reads every match (search returns at most `MAX_SEARCH_MATCHES`) and is cut in memory.
 */
export type Relevance = Map<string, number>;

export interface ListQuery<Row> {
  args: ConnectionArgs;
  order: ListOrder<Row>;
  /**
   * Fetches rows: `where` is the keyset condition to AND with the list's own filter. Typed loosely
   * because it is built per model from `order.field`, which is checked against the row type.
   */
  // biome-ignore lint/suspicious/noExplicitAny: see above
  findMany: (query: { where: any; orderBy: any; take: number | undefined }) => Promise<Row[]>;
  count: () => Promise<number>;
  /** When set, the list is in relevance order; see `Relevance`. */
  relevance?: Relevance;
}

interface Page {
  forward: boolean;
  size: number;
  cursor: CursorValue | undefined;
}

interface CursorValue {
  value: SortValue | null;
  id: string;
}

/** Reads and checks first/after/last/before; throws BAD_USER_INPUT naming the argument. */
function readPage(args: ConnectionArgs, kind: CursorKind): Page {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw badUserInput('Give `first` or `last`, not both.', 'last');
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badUserInput(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}; it was ${value}.`, name);
    }
  }
  if (after != null && before != null) throw badUserInput('Give `after` or `before`, not both.', 'before');
  const forward = last == null && before == null;
  return {
    forward,
    size: (forward ? first : last) ?? DEFAULT_PAGE_SIZE,
    cursor:
      after != null
        ? decodeCursor(after, 'after', kind)
        : before != null
          ? decodeCursor(before, 'before', kind)
          : undefined,
  };
}

export function encodeCursor(value: SortValue | null, id: string): string {
  const tagged = value instanceof Date ? { d: value.toISOString() } : { v: value };
  return Buffer.from(JSON.stringify([tagged, id]), 'utf8').toString('base64url');
}

type CursorKind = 'string' | 'date' | 'number' | 'id' | { values: readonly string[] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Cursors come back from clients, so everything in them is checked against what the list sorts by:
 * a crafted cursor must fail as BAD_USER_INPUT, never reach the query as a value of another type.
 */
function decodeCursor(cursor: string, argument: string, kind: CursorKind): CursorValue {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) throw new Error('shape');
    const [tagged, id] = decoded as [{ d?: unknown; v?: unknown } | null, unknown];
    if (typeof id !== 'string' || !UUID.test(id) || typeof tagged !== 'object' || tagged === null)
      throw new Error('id');
    if (kind === 'date') {
      if (typeof tagged.d !== 'string') throw new Error('date');
      const date = new Date(tagged.d);
      const year = date.getUTCFullYear();
      if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) throw new Error('date');
      return { value: date, id };
    }
    if (kind === 'string') {
      if (typeof tagged.v !== 'string' || tagged.v.includes('\u0000') || tagged.v.length > 1000)
        throw new Error('text');
      return { value: tagged.v, id };
    }
    if (kind === 'number') {
      if (typeof tagged.v !== 'number' || !Number.isFinite(tagged.v)) throw new Error('number');
      return { value: tagged.v, id };
    }
    if (typeof kind === 'object') {
      if (typeof tagged.v !== 'string' || !kind.values.includes(tagged.v)) throw new Error('enum');
      return { value: tagged.v, id };
    }
    if (tagged.v !== null || tagged.d !== undefined) throw new Error('id only');
    return { value: null, id };
  } catch {
    throw badUserInput(
      `\`${argument}\` is not a valid cursor: use a cursor from this list's \`pageInfo\` or \`edges\`.`,
      argument,
    );
  }
}

/** The query for one page, and how to turn the rows it returns into the page. */
interface PagePlan<Row> {
  query: KeysetQuery;
  finish(rows: Row[]): Omit<ConnectionResult<Row>, 'totalCount'>;
}

// biome-ignore lint/suspicious/noExplicitAny: built per model from the order's field, see ListQuery
export type KeysetQuery = { where: any; orderBy: any; take: number | undefined };

/** Reads the arguments, builds the keyset condition, and knows how to cut and flip the result. */
export function planPage<Row extends { id: string }>(
  args: ConnectionArgs,
  order: ListOrder<Row>,
  relevance?: Relevance,
): PagePlan<Row> {
  if (relevance) return planRelevancePage(args, relevance);
  const { field, direction } = order;
  const page = readPage(args, 'kind' in order ? (order.kind === 'enum' ? { values: order.values } : order.kind) : 'id');
  const sortValue = (row: Row): SortValue | null => ('value' in order ? order.value(row) : null);
  // Walking backwards means reading the reversed order and flipping the page afterwards.
  const reading = page.forward ? direction : direction === 'asc' ? 'desc' : 'asc';
  const comparison = reading === 'asc' ? 'gt' : 'lt';

  let where: object = {};
  if (page.cursor) {
    const { id, value } = page.cursor;
    where =
      field && value !== null
        ? { OR: [{ [field]: { [comparison]: value } }, { [field]: value, id: { [comparison]: id } }] }
        : { id: { [comparison]: id } };
  }
  const orderBy = field ? [{ [field]: reading }, { id: reading }] : [{ id: reading }];

  return {
    // One row more than asked tells whether another page follows, even for first: 0.
    query: { where, orderBy, take: page.size + 1 },
    finish: (rows) => cut(rows, page, sortValue),
  };
}

/** Turns the rows read (one more than the page, in reading order) into the page. */
function cut<Row extends { id: string }>(
  rows: Row[],
  page: Page,
  sortValue: (row: Row) => SortValue | null,
): Omit<ConnectionResult<Row>, 'totalCount'> {
  const hasMore = rows.length > page.size;
  const pageRows = rows.slice(0, page.size);
  if (!page.forward) pageRows.reverse();
  const edges = pageRows.map((node) => ({ cursor: encodeCursor(sortValue(node), node.id), node }));
  return {
    edges,
    nodes: pageRows,
    pageInfo: {
      hasNextPage: page.forward ? hasMore : page.cursor !== undefined,
      hasPreviousPage: page.forward ? page.cursor !== undefined : hasMore,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Most relevant first, then by id; the cursor carries the rank, and the page is cut in memory. */
function planRelevancePage<Row extends { id: string }>(args: ConnectionArgs, relevance: Relevance): PagePlan<Row> {
  const page = readPage(args, 'number');
  const rank = (row: Row) => relevance.get(row.id) ?? 0;
  const before = (a: { rank: number; id: string }, b: { rank: number; id: string }) =>
    a.rank !== b.rank ? a.rank > b.rank : a.id < b.id;
  return {
    query: { where: {}, orderBy: [{ id: 'asc' }], take: undefined },
    finish(rows) {
      const ordered = [...rows].sort((a, b) =>
        before({ rank: rank(a), id: a.id }, { rank: rank(b), id: b.id }) ? -1 : 1,
      );
      const cursor = page.cursor ? { rank: page.cursor.value as number, id: page.cursor.id } : undefined;
      const reading = page.forward
        ? ordered.filter((row) => !cursor || before(cursor, { rank: rank(row), id: row.id }))
        : ordered.filter((row) => !cursor || before({ rank: rank(row), id: row.id }, cursor)).reverse();
      return cut(reading.slice(0, page.size + 1), page, rank);
    },
  };
}

/**
 * Keyset pagination over any Prisma model: stable under inserts, and as fast on page 500 as on page
 * 1 given an index on (field, id).
 */
export async function paginate<Row extends { id: string }>(query: ListQuery<Row>): Promise<ConnectionResult<Row>> {
  const plan = planPage(query.args, query.order, query.relevance);
  const page = plan.finish(await query.findMany(plan.query));
  return {
    ...page,
    get totalCount() {
      return query.count();
    },
  };
}

/** What a batched child query returns per parent: a page's rows (one extra) and the list's size. */
export type ChildPages<Row> = Map<string, { rows: Row[]; count: number }>;

/**
 * Reads every parent's page of one relation, and the relation's size, in a single statement: the
 * select asks for the relation with the page's condition, order and limit, and for its count.
 * `findParents` runs the parents' findMany with these arguments added.
 */
export async function childPages<Row>(
  relation: string,
  visible: object,
  query: KeysetQuery,
  findParents: (args: object) => Promise<unknown[]>,
): Promise<ChildPages<Row>> {
  const parents = (await findParents({
    relationLoadStrategy: 'join',
    select: {
      id: true,
      [relation]: { where: { AND: [visible, query.where] }, orderBy: query.orderBy, take: query.take },
      _count: { select: { [relation]: { where: visible } } },
    },
  })) as ({ id: string; _count: Record<string, number> } & Record<string, unknown>)[];
  return new Map(
    parents.map((parent) => [parent.id, { rows: parent[relation] as Row[], count: parent._count[relation] ?? 0 }]),
  );
}

/**
 * A connection nested under each row of a list (a seminar's sessions, for every seminar) loaded in
 * one statement for all parents instead of one per parent: the fetch reads every parent's page at
 * once (Prisma's relation joins, a LATERAL subquery with LIMIT per parent), with its count.
 * Parents asking with the same arguments share a batch.
 */
export function nestedConnection<Row extends { id: string }>(
  batches: Map<string, unknown>,
  name: string,
  parentId: string,
  args: ConnectionArgs,
  order: ListOrder<Row>,
  fetch: (parentIds: string[], query: KeysetQuery, relevance: Relevance | undefined) => Promise<ChildPages<Row>>,
  relevanceOrder = false,
): Promise<ConnectionResult<Row>> {
  // The whole argument object (page, filter, order, search) decides which parents can share a query.
  const key = `${name}:${JSON.stringify(args)}`;
  let batch = batches.get(key) as NestedBatch<Row> | undefined;
  if (!batch) {
    // Filled by the batch's search before any of its pages is cut.
    const relevance: Relevance | undefined = relevanceOrder ? new Map() : undefined;
    const query = planPage(args, order, relevance).query;
    const loader = new DataLoader<string, { rows: Row[]; count: number }>(async (parentIds) => {
      const pages = await fetch([...parentIds], query, relevance);
      return parentIds.map((id) => pages.get(id) ?? { rows: [], count: 0 });
    });
    batch = { loader, relevance };
    batches.set(key, batch);
  }
  const plan = planPage(args, order, batch.relevance);
  return batch.loader
    .load(parentId)
    .then(({ rows, count }) => ({ ...plan.finish(rows), totalCount: Promise.resolve(count) }));
}

interface NestedBatch<Row> {
  loader: DataLoader<string, { rows: Row[]; count: number }>;
  relevance: Relevance | undefined;
}
