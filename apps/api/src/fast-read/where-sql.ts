import { Unsupported } from './unsupported.ts';

/**
 * Prisma `where` inputs as SQL, for the fast read path. The rules stay where they are written
 * (auth/visibility.ts, each list's filter spec, the keyset conditions of pagination.ts): this turns
 * the objects they build into SQL, for the operators and relations they use. Anything else throws
 * `Unsupported`, and the request takes the reference resolvers instead.
 */

/** The relations the rules traverse: `one` holds the key of the other row, `many` is held by it. */
interface Relation {
  kind: 'one' | 'many';
  model: string;
  column: string;
}

const RELATIONS: Record<string, Record<string, Relation>> = {
  Session: {
    seminar: { kind: 'one', model: 'Seminar', column: 'seminarId' },
    speakers: { kind: 'many', model: 'SessionSpeaker', column: 'sessionId' },
  },
  SessionSpeaker: {
    session: { kind: 'one', model: 'Session', column: 'sessionId' },
    person: { kind: 'one', model: 'Person', column: 'personId' },
  },
  Person: {
    speakerRoles: { kind: 'many', model: 'SessionSpeaker', column: 'personId' },
    enrollments: { kind: 'many', model: 'Enrollment', column: 'personId' },
    proposalMembers: { kind: 'many', model: 'ProposalMember', column: 'personId' },
    reviews: { kind: 'many', model: 'Review', column: 'reviewerId' },
    reviewAssignments: { kind: 'many', model: 'ReviewAssignment', column: 'reviewerId' },
    organization: { kind: 'one', model: 'Organization', column: 'organizationId' },
  },
  ProposalMember: { proposal: { kind: 'one', model: 'Proposal', column: 'proposalId' } },
  Review: { proposal: { kind: 'one', model: 'Proposal', column: 'proposalId' } },
  ReviewAssignment: { proposal: { kind: 'one', model: 'Proposal', column: 'proposalId' } },
  Proposal: { seminar: { kind: 'one', model: 'Seminar', column: 'seminarId' } },
  Organization: { parent: { kind: 'one', model: 'Organization', column: 'parentId' } },
  Place: { hostOrganization: { kind: 'one', model: 'Organization', column: 'hostOrganizationId' } },
  Program: {
    funder: { kind: 'one', model: 'Organization', column: 'funderId' },
    implementer: { kind: 'one', model: 'Organization', column: 'implementerId' },
  },
  Seminar: {
    program: { kind: 'one', model: 'Program', column: 'programId' },
    partner: { kind: 'one', model: 'Organization', column: 'partnerId' },
  },
};

/**
 * `@db.Date` columns: Prisma compares them by the UTC calendar day of the Date given, and cursors
 * and GraphQL's Date carry them as a calendar day.
 */
const DATE_COLUMNS: Record<string, ReadonlySet<string>> = {
  Seminar: new Set(['startDate', 'endDate']),
};

export function isDateColumn(model: string, column: string): boolean {
  return DATE_COLUMNS[model]?.has(column) ?? false;
}

/** The statement's parameters, numbered as they are added, and its table aliases. */
export class Params {
  readonly values: unknown[] = [];
  #aliases = 0;

  /**
   * A fresh alias, so that a correlated subquery never shadows the row it refers to. Numbered per
   * statement: the same operation compiles to the same text, and so to the same prepared statement.
   */
  alias(prefix = 'r'): string {
    this.#aliases += 1;
    return `${prefix}${this.#aliases}`;
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export function quote(identifier: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Unsupported(`identifier ${identifier}`);
  return `"${identifier}"`;
}

/** The SQL condition for `where` on rows of `model` aliased `as`. */
export function whereSql(model: string, as: string, where: unknown, params: Params): string {
  return conditionSql(model, as, where, params) ?? 'TRUE';
}

/**
 * Null for a `where` that sets no condition, as Prisma reads it: `{}`, `AND: []` and `OR: []` are
 * dropped wherever they stand, in an OR as in an AND, and NOT of nothing is nothing (measured on
 * Prisma 7: `OR: [{}, x]` is `x`, `NOT: {}` keeps every row).
 */
function conditionSql(model: string, as: string, where: unknown, params: Params): string | null {
  if (where === undefined || where === null) return null;
  if (typeof where !== 'object' || Array.isArray(where)) throw new Unsupported('where shape');
  const parts: string[] = [];
  const listed = (value: unknown) =>
    (Array.isArray(value) ? value : [value])
      .map((part) => conditionSql(model, as, part, params))
      .filter((part): part is string => part !== null);
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (key === 'AND') {
      parts.push(...listed(value));
    } else if (key === 'OR') {
      const alternatives = listed(value);
      if (alternatives.length) parts.push(`(${alternatives.join(' OR ')})`);
    } else if (key === 'NOT') {
      for (const part of listed(value)) parts.push(`NOT (${part})`);
    } else {
      const relation = RELATIONS[model]?.[key];
      parts.push(relation ? relationSql(relation, as, value, params) : columnSql(model, as, key, value, params));
    }
  }
  return parts.length === 0 ? null : parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
}

function relationSql(relation: Relation, as: string, value: unknown, params: Params): string {
  const other = params.alias();
  const table = `${quote(relation.model)} ${other}`;
  if (relation.kind === 'one') {
    const join = `${other}.id = ${as}.${quote(relation.column)}`;
    const filter = value as Record<string, unknown>;
    // `{ seminar: where }` and `{ seminar: { is: where } }` mean the same; `isNot` is its negation.
    if (filter && typeof filter === 'object' && 'isNot' in filter) {
      return `NOT EXISTS (SELECT 1 FROM ${table} WHERE ${join} AND ${whereSql(relation.model, other, filter.isNot, params)})`;
    }
    const inner = filter && typeof filter === 'object' && 'is' in filter ? filter.is : filter;
    if (inner === null) return `${as}.${quote(relation.column)} IS NULL`;
    return `EXISTS (SELECT 1 FROM ${table} WHERE ${join} AND ${whereSql(relation.model, other, inner, params)})`;
  }
  const join = `${other}.${quote(relation.column)} = ${as}.id`;
  const filter = value as Record<string, unknown>;
  if ('some' in filter) {
    return `EXISTS (SELECT 1 FROM ${table} WHERE ${join} AND ${whereSql(relation.model, other, filter.some, params)})`;
  }
  if ('none' in filter) {
    return `NOT EXISTS (SELECT 1 FROM ${table} WHERE ${join} AND ${whereSql(relation.model, other, filter.none, params)})`;
  }
  if ('every' in filter) {
    return `NOT EXISTS (SELECT 1 FROM ${table} WHERE ${join} AND NOT (${whereSql(relation.model, other, filter.every, params)}))`;
  }
  throw new Unsupported('relation filter');
}

/** A value as PostgreSQL reads it for this column: `@db.Date` columns take the UTC day. */
function sqlValue(model: string, column: string, value: unknown): unknown {
  if (value instanceof Date) {
    return isDateColumn(model, column) ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new Unsupported('value type');
}

const COMPARISONS: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

function columnSql(model: string, as: string, column: string, value: unknown, params: Params): string {
  const ref = `${as}.${quote(column)}`;
  if (value === null) return `${ref} IS NULL`;
  if (typeof value !== 'object' || value instanceof Date)
    return `${ref} = ${params.add(sqlValue(model, column, value))}`;
  const filter = value as Record<string, unknown>;
  const insensitive = filter.mode === 'insensitive';
  const parts: string[] = [];
  for (const [operator, operand] of Object.entries(filter)) {
    if (operand === undefined || operator === 'mode') continue;
    if (operator === 'equals') {
      parts.push(
        operand === null
          ? `${ref} IS NULL`
          : insensitive
            ? `lower(${ref}) = lower(${params.add(sqlValue(model, column, operand))})`
            : `${ref} = ${params.add(sqlValue(model, column, operand))}`,
      );
    } else if (operator === 'in' || operator === 'notIn') {
      if (!Array.isArray(operand)) throw new Unsupported('in');
      const list = params.add(operand.map((item) => sqlValue(model, column, item)));
      parts.push(operator === 'in' ? `${ref} = ANY(${list})` : `NOT (${ref} = ANY(${list}))`);
    } else if (operator in COMPARISONS) {
      parts.push(`${ref} ${COMPARISONS[operator]} ${params.add(sqlValue(model, column, operand))}`);
    } else if (operator === 'contains' || operator === 'startsWith' || operator === 'endsWith') {
      if (typeof operand !== 'string') throw new Unsupported('like');
      // Prisma passes the text into the pattern as it is: its % and _ stay wildcards (measured on
      // Prisma 7), and the fast path must match what the resolvers match.
      const escaped = operand;
      const pattern =
        operator === 'contains' ? `%${escaped}%` : operator === 'startsWith' ? `${escaped}%` : `%${escaped}`;
      parts.push(`${ref}::text ${insensitive ? 'ILIKE' : 'LIKE'} ${params.add(pattern)}`);
    } else if (operator === 'not') {
      parts.push(
        operand === null
          ? `${ref} IS NOT NULL`
          : typeof operand === 'object' && !(operand instanceof Date)
            ? `NOT (${columnSql(model, as, column, operand, params)})`
            : `${ref} <> ${params.add(sqlValue(model, column, operand))}`,
      );
    } else {
      throw new Unsupported(`operator ${operator}`);
    }
  }
  return parts.length === 0 ? 'TRUE' : parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
}

/** The columns and directions of a Prisma `orderBy` list (`[{ startDate: 'desc' }, { id: 'desc' }]`). */
function orderEntries(orderBy: unknown): [string, 'asc' | 'desc'][] {
  const list = Array.isArray(orderBy) ? orderBy : [orderBy];
  return list.map((entry) => {
    const [[column, direction]] = Object.entries(entry as Record<string, unknown>) as [[string, unknown]];
    if (direction !== 'asc' && direction !== 'desc') throw new Unsupported('order');
    return [column, direction];
  });
}

/** A Prisma `orderBy` list as SQL. */
export function orderSql(as: string, orderBy: unknown, reverse = false): string {
  return orderEntries(orderBy)
    .map(([column, direction]) => `${as}.${quote(column)} ${(direction === 'asc') !== reverse ? 'ASC' : 'DESC'}`)
    .join(', ');
}

/** The columns a Prisma `orderBy` list sorts by, as SQL references. */
export function orderColumnsSql(as: string, orderBy: unknown): string[] {
  return orderEntries(orderBy).map(([column]) => `${as}.${quote(column)}`);
}
