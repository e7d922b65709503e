/** One field of an audit event's change: what it was and what it became. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** A JSON value as a person reads it: text as is, null as null, anything else as compact JSON. */
export function readable(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The fields of an event's `before` and `after`, in a stable order: changed fields first, each with its two
 * values. A creation has only `after`, a deletion only `before`; then every field counts as changed.
 */
export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const b = asObject(before);
  const a = asObject(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields.map((field) => {
    const was = readable(b[field]);
    const is = readable(a[field]);
    return { field, before: was, after: is, changed: before == null || after == null || was !== is };
  });
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}
