/** A choice of rows by ID with these rows added (`on`) or taken out: checkboxes over many rows at once. */
export function withChosen<Row extends { id: string }>(
  chosen: ReadonlyMap<string, Row>,
  rows: readonly Row[],
  on: boolean,
): ReadonlyMap<string, Row> {
  const next = new Map(chosen);
  for (const row of rows) {
    if (on) next.set(row.id, row);
    else next.delete(row.id);
  }
  return next;
}
