import type { EnrollmentStatus } from '@seminarhub/sdk';

/** Where the participant's enrollment stands, said to them. */
export function enrollmentNote(status: EnrollmentStatus, waitlistPosition?: number | null): string {
  switch (status) {
    case 'APPLIED':
      return 'Your application is being considered.';
    case 'WAITLISTED':
      return waitlistPosition
        ? `You are number ${waitlistPosition} on the waiting list.`
        : 'You are on the waiting list.';
    case 'ACCEPTED':
      return 'A place is offered to you: confirm it to take it.';
    case 'CONFIRMED':
      return 'Your place is confirmed.';
    case 'COMPLETED':
      return 'You completed this seminar.';
    case 'NO_SHOW':
      return 'You were recorded as not attending.';
    case 'REJECTED':
      return 'Your application was not accepted.';
    case 'WITHDRAWN':
      return 'You withdrew from this seminar.';
  }
}
