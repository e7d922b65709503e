import { describe, expect, it } from 'vitest';
import { daySpan, enumWords, stepRefused, zonedMoment, zonedSpan } from './words.ts';

describe('times in messages', () => {
  it('shows a session in the seminar’s zone, with the zone named', () => {
    const start = new Date('2025-10-14T01:00:00Z');
    const end = new Date('2025-10-14T03:30:00Z');
    expect(zonedSpan(start, end, 'Asia/Seoul')).toBe('Tue 14 Oct, 10:00–12:30, Asia/Seoul');
    // The same instants read in Tashkent, four hours behind.
    expect(zonedSpan(start, end, 'Asia/Tashkent')).toBe('Tue 14 Oct, 06:00–08:30, Asia/Tashkent');
  });

  it('names both days when a span crosses midnight in the zone', () => {
    expect(zonedSpan(new Date('2025-10-14T13:00:00Z'), new Date('2025-10-14T16:00:00Z'), 'Asia/Seoul')).toBe(
      'Tue 14 Oct, 22:00 – Wed 15 Oct, 01:00, Asia/Seoul',
    );
  });

  it('follows daylight saving', () => {
    expect(zonedMoment(new Date('2025-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('Tue 1 Jul, 14:00, Europe/Berlin');
    expect(zonedMoment(new Date('2025-12-01T12:00:00Z'), 'Europe/Berlin')).toBe('Mon 1 Dec, 13:00, Europe/Berlin');
  });

  it('shows calendar days with their year, both years when they differ', () => {
    expect(daySpan(new Date('2025-10-12T00:00:00Z'), new Date('2025-10-25T00:00:00Z'))).toBe(
      'Sun 12 Oct to Sat 25 Oct 2025',
    );
    expect(daySpan(new Date('2025-12-29T00:00:00Z'), new Date('2026-01-09T00:00:00Z'))).toBe(
      'Mon 29 Dec 2025 to Fri 9 Jan 2026',
    );
  });

  it('reads an enum value as words', () => {
    expect(enumWords('IN_PROGRESS')).toBe('in progress');
    expect(enumWords('COMPLETED')).toBe('completed');
    expect(enumWords('markNoShow')).toBe('mark no show');
    expect(stepRefused('enrollment', 'CONFIRMED', 'accept', ['APPLIED', 'WAITLISTED'])).toBe(
      'The enrollment is confirmed: "accept" needs it to be applied or waitlisted.',
    );
  });
});
