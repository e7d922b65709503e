import { Badge, Text, VisuallyHidden } from '@mantine/core';
import type { AttendanceStatus } from '@seminarhub/sdk';
import { type KeyboardEvent, useRef, useState } from 'react';
import classes from './CheckInGrid.module.css';
import { ATTENDANCE_COLUMNS, attendanceLabel } from './statuses.ts';

export interface CheckInRow {
  /** The enrollment. */
  id: string;
  name: string;
  detail?: string | null;
  /** What the API holds for this session. */
  recorded: AttendanceStatus | null;
  /** The mark made here and not yet saved. */
  unsaved: AttendanceStatus | null;
}

export interface CheckInGridProps {
  label: string;
  rows: CheckInRow[];
  onMark(id: string, status: AttendanceStatus): void;
  /** Takes back the row's unsaved mark. */
  onUndo(id: string): void;
  /** The id of the text that explains the keys. */
  describedBy?: string;
  /** Shown, not marked: for viewers who may not record attendance. */
  readOnly?: boolean;
}

const LAST_COLUMN = ATTENDANCE_COLUMNS.length - 1;

/**
 * One row per participant, one column per attendance status: an ARIA grid with a single tab stop (roving
 * tabindex), so that a whole room can be marked from the keyboard. Arrows move; P, L, A or E marks the row
 * and moves to the next; Space or Enter marks the focused status; Delete takes back an unsaved mark.
 */
export function CheckInGrid({ label, rows, onMark, onUndo, describedBy, readOnly = false }: CheckInGridProps) {
  const [focus, setFocus] = useState({ row: 0, column: initialColumn(rows[0]) });
  const [said, setSaid] = useState('');
  const cells = useRef(new Map<string, HTMLElement>());
  const current = { row: Math.min(focus.row, rows.length - 1), column: focus.column };

  function move(row: number, column: number) {
    const next = { row: clamp(row, 0, rows.length - 1), column: clamp(column, 0, LAST_COLUMN) };
    setFocus(next);
    cells.current.get(`${next.row}:${next.column}`)?.focus();
  }

  function mark(index: number, status: AttendanceStatus) {
    const row = rows[index]!;
    if (readOnly) return;
    onMark(row.id, status);
    // Focus moves on at once; the live region says what the row became.
    setSaid(`${row.name}: ${attendanceLabel(status)}`);
  }

  function onKeyDown(event: KeyboardEvent, row: number, column: number) {
    if (event.altKey || event.metaKey) return;
    const shortcut = ATTENDANCE_COLUMNS.find((c) => c.key === event.key.toLowerCase());
    if (event.ctrlKey && event.key !== 'Home' && event.key !== 'End') return;
    switch (event.key) {
      case 'ArrowDown':
        move(row + 1, column);
        break;
      case 'ArrowUp':
        move(row - 1, column);
        break;
      case 'ArrowRight':
        move(row, column + 1);
        break;
      case 'ArrowLeft':
        move(row, column - 1);
        break;
      case 'Home':
        move(event.ctrlKey ? 0 : row, event.ctrlKey ? column : 0);
        break;
      case 'End':
        move(event.ctrlKey ? rows.length - 1 : row, event.ctrlKey ? column : LAST_COLUMN);
        break;
      case ' ':
      case 'Enter':
        mark(row, ATTENDANCE_COLUMNS[column]!.status);
        break;
      case 'Delete':
      case 'Backspace':
        if (readOnly) return;
        onUndo(rows[row]!.id);
        setSaid(`${rows[row]!.name}: change taken back`);
        break;
      default:
        if (!shortcut || readOnly) return;
        mark(row, shortcut.status);
        move(row + 1, column);
    }
    event.preventDefault();
  }

  return (
    <>
      <table
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA data grid pattern is a table with role grid; it keeps the table's rows and headers.
        role="grid"
        aria-label={label}
        aria-describedby={describedBy}
        aria-readonly={readOnly || undefined}
        className={classes.grid}
        data-testid="check-in-grid"
      >
        <thead>
          <tr>
            <th scope="col">Participant</th>
            {ATTENDANCE_COLUMNS.map((column) => (
              <th key={column.status} scope="col" data-centred>
                {column.label}{' '}
                <Text span c="dimmed" size="xs" aria-hidden>
                  ({column.key.toUpperCase()})
                </Text>
              </th>
            ))}
            <th scope="col">Recorded</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const shown = row.unsaved ?? row.recorded;
            const changed = row.unsaved !== null && row.unsaved !== row.recorded;
            return (
              <tr key={row.id} className={classes.row} data-focused={index === current.row || undefined}>
                <th scope="row" className={classes.rowHeader}>
                  {row.name}
                  {row.detail && (
                    <Text size="xs" c="dimmed" fw={400}>
                      {row.detail}
                    </Text>
                  )}
                </th>
                {ATTENDANCE_COLUMNS.map((column, c) => {
                  const checked = shown === column.status;
                  return (
                    <td
                      key={column.status}
                      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data grid's cells are its td.
                      role="gridcell"
                      aria-selected={checked}
                      aria-label={column.label}
                      tabIndex={index === current.row && c === current.column ? 0 : -1}
                      className={classes.cell}
                      ref={(element) => {
                        if (element) cells.current.set(`${index}:${c}`, element);
                        else cells.current.delete(`${index}:${c}`);
                      }}
                      onClick={() => {
                        move(index, c);
                        mark(index, column.status);
                      }}
                      onKeyDown={(event) => onKeyDown(event, index, c)}
                    >
                      <span
                        className={classes.dot}
                        data-status={column.status}
                        data-checked={checked || undefined}
                        data-unsaved={(checked && changed) || undefined}
                      />
                    </td>
                  );
                })}
                <td>
                  <Text size="sm" c={row.recorded ? undefined : 'dimmed'} span>
                    {row.recorded ? attendanceLabel(row.recorded) : 'Not marked'}
                  </Text>
                  {changed && (
                    <Badge size="xs" variant="light" color="orange" ml={6}>
                      Unsaved
                    </Badge>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <VisuallyHidden role="status" aria-live="polite">
        {said}
      </VisuallyHidden>
    </>
  );
}

function initialColumn(row: CheckInRow | undefined) {
  const index = ATTENDANCE_COLUMNS.findIndex((column) => column.status === (row?.unsaved ?? row?.recorded));
  return Math.max(0, index);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
