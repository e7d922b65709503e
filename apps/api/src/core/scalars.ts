import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** An instant, as ISO 8601 with offset (`2025-10-13T00:30:00.000Z`). */
export const DateTime = DateTimeResolver;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): Date {
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00.000Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return date;
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
