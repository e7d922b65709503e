// The package's main entry registers its 80 locales' names (80 JSON files, about 10 ms of every
// start); `isValid` needs only the codes, which index.js holds.
import countries from 'i18n-iso-countries/index.js';
import type { TimeZones } from './time-zones.ts';
import { type UserError, UserErrorCode, userError } from './user-errors.ts';

/**
 * Collects every problem with an input, each naming its field, so that a client can show them all
 * at once; a mutation writes nothing while any is present.
 */
export class Checks {
  readonly errors: UserError[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  fail(field: string, message: string, code = UserErrorCode.INVALID): this {
    this.errors.push(userError(code, message, ['input', field]));
    return this;
  }

  /** Trimmed text of bounded length; `null`/`undefined` pass when not required. */
  text(field: string, value: string | null | undefined, { min = 1, max = 500, required = false } = {}): this {
    if (value == null) return required ? this.fail(field, 'This is required.') : this;
    const length = value.trim().length;
    if (length < min || length > max) {
      this.fail(field, min > 1 || required ? `Use ${min} to ${max} characters.` : `Use at most ${max} characters.`);
    }
    return this;
  }

  /** ISO 3166-1 alpha-2, upper case ("UZ", "KR"). */
  country(field: string, value: string | null | undefined): this {
    if (value == null) return this;
    if (!/^[A-Z]{2}$/.test(value) || !countries.isValid(value)) {
      this.fail(field, 'Use an ISO 3166-1 alpha-2 country code in capitals, such as "UZ" or "KR".');
    }
    return this;
  }

  url(field: string, value: string | null | undefined): this {
    if (value == null) return this;
    try {
      const url = new URL(value);
      if (!['http:', 'https:'].includes(url.protocol)) throw new Error('scheme');
    } catch {
      this.fail(field, 'Use an http:// or https:// address.');
    }
    return this;
  }

  /** An IANA time zone that both Node and the database know ("Asia/Seoul"); see time-zones.ts. */
  timezone(field: string, value: string | null | undefined, zones: TimeZones): this {
    if (value == null || zones.has(value)) return this;
    const spelling = zones.spelling(value);
    return this.fail(
      field,
      spelling
        ? `Write the time zone as "${spelling}".`
        : 'Use an IANA time zone that PostgreSQL knows, such as "Asia/Seoul".',
    );
  }

  integer(field: string, value: number | null | undefined, { min, max }: { min: number; max: number }): this {
    if (value == null) return this;
    if (!Number.isInteger(value) || value < min || value > max)
      this.fail(field, `Use a whole number from ${min} to ${max}.`);
    return this;
  }

  dateOrder(fields: [string, string], start: Date | null | undefined, end: Date | null | undefined): this {
    if (start && end && end < start) this.fail(fields[1], `It must not be before ${fields[0]}.`);
    return this;
  }
}

/** Trims text inputs; empty strings become null for optional fields. */
export function cleanText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
