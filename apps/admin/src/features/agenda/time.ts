import { date } from '../../lib/format.ts';

/**
 * Agenda times are wall-clock times in the seminar's time zone, whatever the viewer's own: "10:00" in a
 * seminar in Seoul means 10:00 in Seoul. The API gives `startsAtLocal` with the zone's offset and takes
 * instants, so these convert between a `datetime-local` value and an instant in a named zone.
 */

/** "2025-10-13T10:00:00+09:00" → "2025-10-13T10:00", the value a `datetime-local` input takes. */
export function toInputValue(local: string): string {
  return local.slice(0, 16);
}

/** The UTC offset of `timeZone` at an instant, in minutes east of Greenwich. */
function offsetMinutes(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0; // "GMT" alone: the zone is at UTC.
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** A wall-clock time in `timeZone` ("2025-10-13T10:00") → the instant as ISO 8601 in UTC. */
export function zonedToIso(value: string, timeZone: string): string {
  const [date, time = '00:00'] = value.split('T');
  const [year, month, day] = date!.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  // The offset at the guess, then at the corrected instant: right on both sides of a DST change.
  let instant = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  instant = asUtc - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** Every date from `start` to `end` ("2025-10-13"), both included. */
export function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${start}T00:00:00Z`); day <= new Date(`${end}T00:00:00Z`); ) {
    days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  return days;
}

/** "2025-10-13" → "Mon 13 Oct 2025", the same for every viewer (the admin's one date format). */
export const dayLabel = (day: string) => date(day);
