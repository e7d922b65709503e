import type { AttendanceStatus } from '@seminarhub/sdk';

/** The check-in sheet's columns, in their order, with the single key that sets each. */
export const ATTENDANCE_COLUMNS: { status: AttendanceStatus; label: string; key: string; colour: string }[] = [
  { status: 'PRESENT', label: 'Present', key: 'p', colour: 'green' },
  { status: 'LATE', label: 'Late', key: 'l', colour: 'yellow' },
  { status: 'ABSENT', label: 'Absent', key: 'a', colour: 'red' },
  { status: 'EXCUSED', label: 'Excused', key: 'e', colour: 'gray' },
];

export const attendanceLabel = (status: AttendanceStatus) =>
  ATTENDANCE_COLUMNS.find((column) => column.status === status)!.label;
