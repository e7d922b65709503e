import type { PrismaClient } from '@seminarhub/db';
import { ArgsType, type ClassType, Field } from 'type-graphql';
import type { Context } from '../context.ts';
import {
  type ChildPages,
  ConnectionArgs,
  type ConnectionResult,
  childPages,
  type KeysetQuery,
  type ListOrder,
  nestedConnection,
  paginate,
  type Relevance,
} from '../pagination.ts';
import { type FilterSpec, type Logical, type Where, whereOf } from './filters.ts';
import { OrderDirection, type OrderInput } from './ordering.ts';
import { MAX_SEARCH_MATCHES, type SearchSource, searchMatches, toTsQuery } from './search.ts';

/** Everything a list offers beyond paging: its filter fields, its sort choices, where it searches. */
export interface ListSpec<Row extends { id: string }, F extends Logical<F>> {
  filter: FilterSpec<F>;
  /** Sort choices by their GraphQL enum value, each with its usual direction. */
  orders: Record<string, ListOrder<Row>>;
  /** The key in `orders` of the order used without `orderBy` or `search`. */
  defaultOrder: string;
  search: SearchSource;
}

export interface ListArgs<F extends Logical<F>> extends ConnectionArgs {
  filter?: F | null;
  orderBy?: OrderInput<string> | null;
  search?: string | null;
}

const SEARCH_DESCRIPTION = `Full-text search over the list's titles, descriptions and names: every word must occur, as a word or the start of one. Without \`orderBy\` the most relevant come first. At most ${MAX_SEARCH_MATCHES} matches, the most relevant.`;

/** The arguments of one list (`SeminarListArgs`): paging, `filter`, `orderBy` and `search`. */
export function listArgs<F extends object, O extends object>(
  filterType: ClassType<F>,
  orderType: ClassType<O>,
  what: string,
) {
  @ArgsType()
  class Args extends ConnectionArgs {
    @Field(() => filterType, { nullable: true, description: `Only ${what} matching every condition given.` })
    filter?: F | null;

    @Field(() => orderType, { nullable: true, description: `How to sort the ${what}.` })
    orderBy?: O | null;

    @Field(() => String, { nullable: true, description: SEARCH_DESCRIPTION })
    search?: string | null;
  }
  return Args;
}

export function chosenOrder<Row extends { id: string }, F extends Logical<F>>(
  spec: ListSpec<Row, F>,
  orderBy: OrderInput<string> | null | undefined,
) {
  const usual = spec.orders[spec.defaultOrder] as ListOrder<Row>;
  if (!orderBy) return usual;
  const order = spec.orders[orderBy.field] ?? usual;
  if (!orderBy.direction) return order;
  return { ...order, direction: orderBy.direction === OrderDirection.DESC ? 'desc' : 'asc' } as ListOrder<Row>;
}

/** A root list: the viewer's visible rows, filtered, searched, sorted and paged. */
export async function listConnection<Row extends { id: string }, F extends Logical<F>>(
  ctx: Context,
  spec: ListSpec<Row, F>,
  args: ListArgs<F>,
  model: {
    visible?: Where;
    // biome-ignore lint/suspicious/noExplicitAny: the model's own findMany checks the query
    findMany: (query: { where: any; orderBy: any; take: number | undefined }) => Promise<Row[]>;
    count: (where: Where) => Promise<number>;
  },
): Promise<ConnectionResult<Row>> {
  const conditions: Where[] = [model.visible ?? {}, whereOf(args.filter, spec.filter)];
  let relevance: Relevance | undefined;
  if (args.search != null) {
    const matches = await searchMatches(ctx.prisma as PrismaClient, spec.search, toTsQuery(args.search));
    conditions.push({ id: { in: [...matches.keys()] } });
    if (!args.orderBy) relevance = matches;
  }
  const where = { AND: conditions };
  return paginate<Row>({
    args,
    order: chosenOrder(spec, args.orderBy),
    relevance,
    findMany: (page) => model.findMany({ ...page, where: { AND: [where, page.where] } }),
    count: () => model.count(where),
  });
}

/**
 * A list under each row of another (a seminar's sessions), loaded for all parents in one statement;
 * a search adds one statement for the batch, over the children of those parents only.
 */
export function nestedList<Row extends { id: string }, F extends Logical<F>>(
  ctx: Context,
  spec: ListSpec<Row, F>,
  args: ListArgs<F>,
  nest: {
    /** The field, for batching: "Seminar.sessions". */
    name: string;
    parentId: string;
    /** The parent model's relation field. */
    relation: string;
    /** The child column holding the parent's key. */
    parentKey: string;
    visible: Where;
    findParents: (parentIds: string[], args: object) => Promise<unknown[]>;
  },
): Promise<ConnectionResult<Row>> {
  const filtered: Where = { AND: [nest.visible, whereOf(args.filter, spec.filter)] };
  const tsQuery = args.search != null ? toTsQuery(args.search) : null;
  const fetch = async (
    parentIds: string[],
    query: KeysetQuery,
    relevance: Relevance | undefined,
  ): Promise<ChildPages<Row>> => {
    let where = filtered;
    if (tsQuery) {
      const matches = await searchMatches(ctx.prisma as PrismaClient, spec.search, tsQuery, {
        column: nest.parentKey,
        ids: parentIds,
      });
      for (const [id, rank] of matches) relevance?.set(id, rank);
      where = { AND: [filtered, { id: { in: [...matches.keys()] } }] };
    }
    return childPages<Row>(nest.relation, where, query, (findArgs) => nest.findParents(parentIds, findArgs));
  };
  return nestedConnection<Row>(
    ctx.batches,
    nest.name,
    nest.parentId,
    args,
    chosenOrder(spec, args.orderBy),
    fetch,
    tsQuery !== null && !args.orderBy,
  );
}
