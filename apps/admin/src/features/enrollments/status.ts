import type { EnrollmentRole, EnrollmentStatus, EnrollmentsListQuery } from '@seminarhub/sdk';

/** An enrollment as the seminar's lists read it: with the attendance recorded so far. */
export type EnrollmentRow = EnrollmentsListQuery['enrollments']['nodes'][number];

export const ENROLLMENT_STATUSES: EnrollmentStatus[] = [
  'APPLIED',
  'WAITLISTED',
  'ACCEPTED',
  'CONFIRMED',
  'COMPLETED',
  'NO_SHOW',
  'REJECTED',
  'WITHDRAWN',
];

export const ENROLLMENT_ROLES: EnrollmentRole[] = ['PARTICIPANT', 'TEAM_LEAD', 'OBSERVER'];

export const ENROLLMENT_STATUS_COLOURS: Record<EnrollmentStatus, string> = {
  APPLIED: 'blue',
  WAITLISTED: 'yellow',
  ACCEPTED: 'cyan',
  CONFIRMED: 'green',
  COMPLETED: 'teal',
  NO_SHOW: 'orange',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
};

/** Statuses that hold one of the seminar's places: the API counts these against `capacity` on accept. */
export const HOLDS_PLACE: EnrollmentStatus[] = ['ACCEPTED', 'CONFIRMED', 'COMPLETED'];

/** Statuses whose attendance the API records (attendanceMark refuses any other). */
export const PARTICIPATING: EnrollmentStatus[] = ['CONFIRMED', 'COMPLETED'];

/** The steps of the enrollment life cycle, from the statuses the API's mutation descriptions allow. */
export const ENROLLMENT_STEPS = {
  accept: { label: 'Accept', from: ['APPLIED', 'WAITLISTED'] },
  waitlist: { label: 'Put on the waiting list', from: ['APPLIED'] },
  reject: { label: 'Reject', from: ['APPLIED', 'WAITLISTED'], danger: true },
  confirm: { label: 'Confirm the place', from: ['ACCEPTED'] },
  complete: { label: 'Mark completed', from: ['CONFIRMED'] },
  markNoShow: { label: 'Mark no-show', from: ['CONFIRMED'], danger: true },
  withdraw: { label: 'Withdraw', from: ['APPLIED', 'WAITLISTED', 'ACCEPTED', 'CONFIRMED'], danger: true },
} as const satisfies Record<string, { label: string; from: EnrollmentStatus[]; danger?: boolean }>;

export type EnrollmentStep = keyof typeof ENROLLMENT_STEPS;

/** The steps an enrollment in this status can take. */
export function stepsFrom(status: EnrollmentStatus): EnrollmentStep[] {
  return (Object.keys(ENROLLMENT_STEPS) as EnrollmentStep[]).filter((step) =>
    (ENROLLMENT_STEPS[step].from as readonly EnrollmentStatus[]).includes(status),
  );
}
