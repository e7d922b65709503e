import { Field, ID, InputType, Int } from 'type-graphql';
import { badUserInput } from '../errors.ts';
import { fromGlobalIdOf } from '../node-id.ts';
import { DateTime, LocalDate } from '../scalars.ts';

const MAX_LIST_VALUES = 100;
const MAX_TEXT = 200;
/** How deep AND/OR/NOT may nest: deeper adds nothing a person needs and only costs the planner. */
const MAX_NESTING = 4;
/**
 * How many conditions one filter may hold in all. Variables are not bounded by the query's token
 * limit, so without this a 100 kB filter could become a statement PostgreSQL spends seconds planning.
 */
export const MAX_CONDITIONS = 50;

/** A Prisma `where` fragment; built per model, so typed loosely here and checked by the model's call. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Where = Record<string, any>;

@InputType({ description: 'Conditions on a text field; every condition given must hold.' })
export class StringFilter {
  @Field(() => String, { nullable: true, description: 'Exactly this text.' })
  eq?: string | null;

  @Field(() => [String], { nullable: true, description: `One of these texts (at most ${MAX_LIST_VALUES}).` })
  in?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Contains this text, ignoring case.' })
  contains?: string | null;

  @Field(() => String, { nullable: true, description: 'Starts with this text, ignoring case.' })
  startsWith?: string | null;
}

@InputType({ description: 'Conditions on a reference to another object, by its global ID.' })
export class IdFilter {
  @Field(() => ID, { nullable: true, description: 'This object.' })
  eq?: string | null;

  @Field(() => [ID], { nullable: true, description: `One of these objects (at most ${MAX_LIST_VALUES}).` })
  in?: string[] | null;
}

@InputType({ description: 'Conditions on an instant; every condition given must hold.' })
export class DateTimeFilter {
  @Field(() => DateTime, { nullable: true, description: 'After this instant.' })
  gt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'At or after this instant.' })
  gte?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Before this instant.' })
  lt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'At or before this instant.' })
  lte?: Date | null;
}

@InputType({ description: 'Conditions on a calendar date; every condition given must hold.' })
export class DateFilter {
  @Field(() => LocalDate, { nullable: true, description: 'On this date.' })
  eq?: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'After this date.' })
  gt?: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'On or after this date.' })
  gte?: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'Before this date.' })
  lt?: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'On or before this date.' })
  lte?: Date | null;
}

@InputType({ description: 'Conditions on a whole number; every condition given must hold.' })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: 'Exactly this number.' })
  eq?: number | null;

  @Field(() => Int, { nullable: true, description: 'Greater than this number.' })
  gt?: number | null;

  @Field(() => Int, { nullable: true, description: 'At least this number.' })
  gte?: number | null;

  @Field(() => Int, { nullable: true, description: 'Less than this number.' })
  lt?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this number.' })
  lte?: number | null;
}

/** A `{ eq in }` filter input for one enum, named after it (`SeminarStatusFilter`). */
export function enumFilter<E extends Record<string, string>>(enumObject: E, enumName: string) {
  @InputType(`${enumName}Filter`, { description: `Conditions on a ${enumName} value.` })
  class EnumFilter {
    @Field(() => enumObject, { nullable: true, description: 'Exactly this value.' })
    eq?: E[keyof E] | null;

    @Field(() => [enumObject], { nullable: true, description: 'One of these values.' })
    in?: E[keyof E][] | null;
  }
  return EnumFilter;
}

/** What is left of a filter's MAX_CONDITIONS, shared by its nested and related filters. */
export interface Budget {
  left: number;
}

/** Turns one field's filter input into a `where` fragment; `path` names it in errors. */
export type Translate<V> = (value: V, path: string, budget: Budget) => Where;

/** How each field of a filter input becomes a condition; AND, OR and NOT are handled for every list. */
export type FilterSpec<F> = { [K in Exclude<keyof F, 'AND' | 'OR' | 'NOT'>]-?: Translate<NonNullable<F[K]>> };

export interface Logical<F> {
  AND?: F[] | null;
  OR?: F[] | null;
  NOT?: F | null;
}

/** The `where` for a filter input: every field's condition and every AND/OR/NOT, all required. */
export function whereOf<F extends Logical<F>>(
  filter: F | null | undefined,
  spec: FilterSpec<F>,
  path = 'filter',
  depth = 0,
  budget: Budget = { left: MAX_CONDITIONS },
): Where {
  if (!filter) return {};
  if (depth > MAX_NESTING) throw badUserInput(`\`${path}\` nests AND, OR and NOT more than ${MAX_NESTING} deep.`, path);
  const conditions: Where[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value == null) continue;
    if (key === 'AND' || key === 'OR') {
      const parts = (value as F[]).map((part, index) =>
        whereOf(part, spec, `${path}.${key}.${index}`, depth + 1, budget),
      );
      // An empty OR matches nothing and an empty AND everything, as in logic.
      conditions.push({ [key]: parts });
    } else if (key === 'NOT') {
      conditions.push({ NOT: whereOf(value as F, spec, `${path}.NOT`, depth + 1, budget) });
    } else {
      const translate = (spec as Record<string, Translate<unknown>>)[key];
      if (!translate) continue;
      budget.left -= 1;
      if (budget.left < 0) {
        throw badUserInput(
          `\`${path}.${key}\` is one condition too many: a filter may hold at most ${MAX_CONDITIONS}.`,
          `${path}.${key}`,
        );
      }
      conditions.push(translate(value, `${path}.${key}`, budget));
    }
  }
  return conditions.length === 1 ? (conditions[0] as Where) : { AND: conditions };
}

function checkList<T>(values: T[] | null | undefined, path: string): T[] | undefined {
  if (values == null) return undefined;
  if (values.length > MAX_LIST_VALUES) {
    throw badUserInput(`\`${path}.in\` may list at most ${MAX_LIST_VALUES} values.`, path);
  }
  return values;
}

function checkText(value: string | null | undefined, path: string): string | undefined {
  if (value == null) return undefined;
  if (value.length > MAX_TEXT) throw badUserInput(`\`${path}\` may be at most ${MAX_TEXT} characters long.`, path);
  return value;
}

const defined = (conditions: Where): Where =>
  Object.fromEntries(Object.entries(conditions).filter(([, value]) => value !== undefined));

/** A text column: exact, one of, contains and starts with (the last two ignoring case). */
export function text(column: string): Translate<StringFilter> {
  return (filter, path) => {
    const parts: Where[] = [];
    const eq = checkText(filter.eq, `${path}.eq`);
    const values = checkList(filter.in, path)?.map((value, index) => checkText(value, `${path}.in.${index}`));
    if (eq !== undefined || values) parts.push({ [column]: defined({ equals: eq, in: values }) });
    const contains = checkText(filter.contains, `${path}.contains`);
    const startsWith = checkText(filter.startsWith, `${path}.startsWith`);
    if (contains !== undefined) parts.push({ [column]: { contains, mode: 'insensitive' } });
    if (startsWith !== undefined) parts.push({ [column]: { startsWith, mode: 'insensitive' } });
    return parts.length === 1 ? (parts[0] as Where) : { AND: parts };
  };
}

/** The IDs an `IdFilter` names, as database keys; null when it names none. */
function idsOf(filter: IdFilter, typeName: string, path: string): string[] | null {
  const ids: string[] = [];
  if (filter.eq != null) ids.push(fromGlobalIdOf(typeName, filter.eq, `${path}.eq`));
  const values = checkList(filter.in, path);
  if (values) {
    const wanted = values.map((id, index) => fromGlobalIdOf(typeName, id, `${path}.in.${index}`));
    // eq and in together: the object must be both, so keep only what both name.
    return filter.eq != null ? ids.filter((id) => wanted.includes(id)) : wanted;
  }
  return filter.eq != null ? ids : null;
}

/** A reference column holding another object's key. */
export function reference(column: string, typeName: string): Translate<IdFilter> {
  return (filter, path) => {
    const ids = idsOf(filter, typeName, path);
    return ids ? { [column]: { in: ids } } : {};
  };
}

/** Through a relation: the rows with some related row matching (`speakers: { some: ... }`). */
export function throughSome(relation: string, column: string, typeName: string): Translate<IdFilter> {
  return (filter, path) => {
    const ids = idsOf(filter, typeName, path);
    return ids ? { [relation]: { some: { [column]: { in: ids } } } } : {};
  };
}

/** Through a to-one relation, with the related list's own filter (`organization: { type: ... }`). */
export function throughOne<F extends Logical<F>>(relation: string, spec: FilterSpec<F>): Translate<F> {
  return (filter, path, budget) => ({ [relation]: { is: whereOf(filter, spec, path, 1, budget) } });
}

export function oneOf<V extends string>(column: string): Translate<{ eq?: V | null; in?: V[] | null }> {
  return (filter, path) =>
    filter.eq == null && filter.in == null
      ? {}
      : {
          AND: [
            ...(filter.eq != null ? [{ [column]: filter.eq }] : []),
            ...(filter.in != null ? [{ [column]: { in: checkList(filter.in, path) } }] : []),
          ],
        };
}

/** Range conditions on a date, instant or number column. */
export function range<V>(
  column: string,
): Translate<{ eq?: V | null; gt?: V | null; gte?: V | null; lt?: V | null; lte?: V | null }> {
  return (filter) => {
    const condition = defined({
      equals: filter.eq ?? undefined,
      gt: filter.gt ?? undefined,
      gte: filter.gte ?? undefined,
      lt: filter.lt ?? undefined,
      lte: filter.lte ?? undefined,
    });
    return Object.keys(condition).length > 0 ? { [column]: condition } : {};
  };
}

export function flag(column: string): Translate<boolean> {
  return (value) => ({ [column]: value });
}
