/** An instant as the viewer's local date and time, to the minute: "2025-10-24 18:00". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A mean rating as it is read: one decimal. */
export const rating = (value: number | null | undefined) => (value == null ? '—' : value.toFixed(1));

const calendarDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date from the API ("2026-01-25") as it is read: "Sun, 25 Jan 2026". No time zone shifts it. */
export function calendarDay(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  return calendarDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** Today as a calendar date in UTC ("2026-12-03"), the day the API compares due dates with. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
