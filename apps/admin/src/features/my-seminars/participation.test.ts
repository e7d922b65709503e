import type { AttendanceStatus, EnrollmentStatus } from '@seminarhub/sdk';
import { describe, expect, it } from 'vitest';
import { type MyEnrollment, seminarFeedbackOpen, sessionFeedbackOpen } from './participation.ts';

// When feedback is offered: as the API accepts it, for sessions held and attended.
const NOW = Date.parse('2025-10-14T06:00:00Z');
const ended = { id: 'ended', endsAt: '2025-10-14T03:30:00Z' };
const running = { id: 'running', endsAt: '2025-10-14T07:00:00Z' };

function enrollment(status: EnrollmentStatus, attendance: Record<string, AttendanceStatus>): MyEnrollment {
  return {
    status,
    attendance: Object.entries(attendance).map(([id, mark]) => ({ status: mark, version: 1, session: { id } })),
  } as unknown as MyEnrollment;
}

describe('session feedback', () => {
  it('is open once the session has ended, to a participant present or late there', () => {
    for (const mark of ['PRESENT', 'LATE'] as const) {
      expect(sessionFeedbackOpen(enrollment('CONFIRMED', { ended: mark }), ended, NOW)).toBe(true);
      expect(sessionFeedbackOpen(enrollment('COMPLETED', { ended: mark }), ended, NOW)).toBe(true);
    }
  });

  it('is closed before the session ends, to the absent, the excused and the unmarked, and to who gave up their place', () => {
    expect(sessionFeedbackOpen(enrollment('CONFIRMED', { running: 'PRESENT' }), running, NOW)).toBe(false);
    expect(sessionFeedbackOpen(enrollment('CONFIRMED', { ended: 'ABSENT' }), ended, NOW)).toBe(false);
    expect(sessionFeedbackOpen(enrollment('CONFIRMED', { ended: 'EXCUSED' }), ended, NOW)).toBe(false);
    expect(sessionFeedbackOpen(enrollment('CONFIRMED', {}), ended, NOW)).toBe(false);
    expect(sessionFeedbackOpen(enrollment('WITHDRAWN', { ended: 'PRESENT' }), ended, NOW)).toBe(false);
  });
});

describe('seminar feedback', () => {
  it('is open in a seminar under way or over, to a participant who attended a session', () => {
    const attended = enrollment('CONFIRMED', { ended: 'EXCUSED', other: 'LATE' });
    expect(seminarFeedbackOpen(attended, 'IN_PROGRESS')).toBe(true);
    expect(seminarFeedbackOpen(attended, 'COMPLETED')).toBe(true);
  });

  it('is closed before the seminar begins, to who attended nothing, and to who did not take their place', () => {
    expect(seminarFeedbackOpen(enrollment('CONFIRMED', { ended: 'PRESENT' }), 'PUBLISHED')).toBe(false);
    expect(seminarFeedbackOpen(enrollment('CONFIRMED', { ended: 'ABSENT' }), 'COMPLETED')).toBe(false);
    expect(seminarFeedbackOpen(enrollment('NO_SHOW', { ended: 'PRESENT' }), 'COMPLETED')).toBe(false);
  });
});
