import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/**
 * The years every date and instant must fall in. JavaScript and RFC 3339 accept year 0 (1 BC),
 * which PostgreSQL refuses ("date/time field value out of range"): without this bound such a value
 * passes every check and fails at the database as an internal error. No seminar needs years
 * outside four digits either.
 */
export const YEARS = { min: 1, max: 9999 } as const;

// Date.UTC maps years 0 to 99 onto 1900 to 1999, so the lower bound is set with setUTCFullYear.
const EARLIEST = new Date(0).setUTCFullYear(YEARS.min, 0, 1);
const LATEST = Date.UTC(YEARS.max, 11, 31, 23, 59, 59, 999);

function inRange(date: Date): boolean {
  const time = date.getTime();
  return time >= EARLIEST && time <= LATEST;
}

function outOfRange(what: string, value: unknown): GraphQLError {
  return new GraphQLError(
    `${what} must fall in the years ${String(YEARS.min).padStart(4, '0')} to ${YEARS.max} (UTC); got ${JSON.stringify(value)}.`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/** An instant, as ISO 8601 with offset (`2025-10-13T00:30:00.000Z`), within YEARS. */
export const DateTime = new GraphQLScalarType<Date, string | Date>({
  ...DateTimeResolver.toConfig(),
  parseValue: (value) => {
    const date = DateTimeResolver.parseValue(value) as Date;
    if (!inRange(date)) throw outOfRange('A DateTime', value);
    return date;
  },
  parseLiteral: (ast, variables) => {
    const date = DateTimeResolver.parseLiteral(ast, variables) as Date;
    if (!inRange(date)) throw outOfRange('A DateTime', ast.kind === Kind.STRING ? ast.value : undefined);
    return date;
  },
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): Date {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00.000Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) {
      if (!inRange(date)) throw outOfRange('A Date', value);
      return date;
    }
  }
  throw new GraphQLError(`Date must be a calendar date as YYYY-MM-DD; got ${JSON.stringify(value)}.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** A calendar date without time or zone, as stored in PostgreSQL `date` columns. */
export const LocalDate = new GraphQLScalarType<Date, string>({
  name: 'Date',
  description: 'A calendar date without a time or time zone, as ISO 8601 `YYYY-MM-DD` (for example `2025-10-12`).',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new TypeError('Date fields must resolve to a Date');
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
