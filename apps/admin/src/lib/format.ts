/** An instant as the viewer's local date and time, to the minute: "2025-10-24 18:00". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A mean rating as it is read: one decimal. */
export const rating = (value: number | null | undefined) => (value == null ? '—' : value.toFixed(1));
