/**
 * An instant as ISO 8601 with the offset of a time zone at that instant, as people there read it:
 * 2025-10-13T01:00:00.000Z in Asia/Seoul is "2025-10-13T10:00:00+09:00".
 */
export function toZonedIso(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  // "GMT+09:00", or "GMT" for UTC itself.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The calendar day an instant falls on in a time zone, as "YYYY-MM-DD". */
export function zonedDay(instant: Date, timeZone: string): string {
  return toZonedIso(instant, timeZone).slice(0, 10);
}

/**
 * Whether a calendar day (a LocalDate, stored as midnight UTC) has begun in a time zone: in
 * Asia/Seoul, 13 October begins at 2025-10-12T15:00Z, nine hours before it does in UTC.
 */
export function dayHasBegun(day: Date, timeZone: string, now: Date = new Date()): boolean {
  return zonedDay(now, timeZone) >= day.toISOString().slice(0, 10);
}
