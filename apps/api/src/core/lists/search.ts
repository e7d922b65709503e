import { Prisma, type PrismaClient } from '@seminarhub/db';
import { badUserInput } from '../errors.ts';
import type { Relevance } from '../pagination.ts';

/**
 * Like GitHub's search API, a search returns at most this many matches, the most relevant: enough
 * for any person paging through results, and a bound on what one search may read.
 */
export const MAX_SEARCH_MATCHES = 1000;
const MAX_SEARCH_LENGTH = 200;
const MAX_SEARCH_WORDS = 10;

/** Where a list's rows are searched: SQL written here, never taken from a request. */
export interface SearchSource {
  /** The FROM clause; the searched table is aliased `t`. */
  from: string;
  /**
   * The row's document as a weighted `tsvector`. The `simple` configuration keeps every word as
   * written: names and titles here mix Uzbek, Korean, Russian and English, where an English stemmer
   * would only mangle them.
   */
  document: string;
}

/** Builds a weighted document from columns of `t` (or of a joined alias), weight A first. */
export function documentOf(...weighted: [column: string, weight: 'A' | 'B' | 'C' | 'D'][]): string {
  return weighted
    .map(([column, weight]) => `setweight(to_tsvector('simple', coalesce(${column}, '')), '${weight}')`)
    .join(' || ');
}

/**
 * Turns what a person typed into a `tsquery` that cannot fail to parse: every word (letters and
 * digits) must occur, each as a prefix, so that "digit gov" finds "Digital Government".
 */
export function toTsQuery(search: string, argument = 'search'): string {
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`\`${argument}\` may be at most ${MAX_SEARCH_LENGTH} characters long.`, argument);
  }
  const words = (search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) {
    throw badUserInput(`\`${argument}\` needs at least one word of letters or digits.`, argument);
  }
  return words.map((word) => `${word}:*`).join(' & ');
}

/**
 * The rows matching a search with their rank, the most relevant first, at most MAX_SEARCH_MATCHES;
 * `within` keeps only the children of some parents (a seminar's sessions).
 */
export async function searchMatches(
  prisma: PrismaClient,
  source: SearchSource,
  tsQuery: string,
  within?: { column: string; ids: string[] },
): Promise<Relevance> {
  const scope = within
    ? Prisma.sql`AND t.${Prisma.raw(`"${within.column}"`)} = ANY(${within.ids}::uuid[])`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string; rank: number }[]>`
    SELECT t.id::text AS id, ts_rank(${Prisma.raw(source.document)}, q)::float8 AS rank
    FROM ${Prisma.raw(source.from)}, to_tsquery('simple', ${tsQuery}) q
    WHERE (${Prisma.raw(source.document)}) @@ q ${scope}
    ORDER BY rank DESC, t.id
    LIMIT ${MAX_SEARCH_MATCHES}`;
  return new Map(rows.map((row) => [row.id, Number(row.rank)]));
}
