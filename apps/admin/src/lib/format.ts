/**
 * The admin's one way of writing dates: "Mon 13 Oct 2025" for a day, "Mon 13 Oct 2025, 18:00" for an
 * instant. Every screen formats through these, so that a date reads the same wherever it appears.
 */

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const dayInUtc = new Intl.DateTimeFormat('en-GB', { ...DAY, timeZone: 'UTC' });
const dayHere = new Intl.DateTimeFormat('en-GB', DAY);
const timeHere = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** en-GB writes "Mon, 13 Oct 2025"; the admin writes "Mon 13 Oct 2025", as the API's messages do. */
const spaced = (format: Intl.DateTimeFormat, when: Date) =>
  format
    .formatToParts(when)
    .filter((part) => part.type !== 'literal')
    .map((part) => part.value)
    .join(' ');

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day: a calendar date ("2025-10-13", a seminar's first day) as it is written, whatever the viewer's
 * zone; an instant (an enrollment's appliedAt) as the day it is in the viewer's zone. "—" without one.
 */
export function date(value: string | null | undefined): string {
  if (!value) return '—';
  return CALENDAR_DAY.test(value) ? spaced(dayInUtc, new Date(`${value}T12:00:00Z`)) : spaced(dayHere, new Date(value));
}

/** An instant as the viewer's local date and time, to the minute: "Fri 24 Oct 2025, 18:00". "—" without one. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const when = new Date(iso);
  return `${spaced(dayHere, when)}, ${timeHere.format(when)}`;
}

/** Calendar days from the first to the last: "Sun 12 Oct 2025 to Sat 25 Oct 2025". */
export const dateRange = (first: string, last: string) => `${date(first)} to ${date(last)}`;

/** A mean rating as it is read: one decimal. */
export const rating = (value: number | null | undefined) => (value == null ? '—' : value.toFixed(1));

/** A calendar date from the API ("2026-01-25", or a date-time cut to its day) in the one format: "Sun 25 Jan 2026". */
export const calendarDay = (isoDate: string | null | undefined) => date(isoDate?.slice(0, 10));

/** Today as a calendar date in UTC ("2026-12-03"), the day the API compares due dates with. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
