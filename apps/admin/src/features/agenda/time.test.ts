import { describe, expect, it } from 'vitest';
import { dayLabel, daysBetween, toInputValue, zonedToIso } from './time.ts';

describe('agenda times', () => {
  it('reads a wall-clock time in the seminar’s zone, not the viewer’s', () => {
    expect(zonedToIso('2025-10-13T10:00', 'Asia/Seoul')).toBe('2025-10-13T01:00:00.000Z');
    expect(zonedToIso('2025-10-13T10:00', 'Asia/Tashkent')).toBe('2025-10-13T05:00:00.000Z');
    expect(zonedToIso('2025-10-13T10:00', 'UTC')).toBe('2025-10-13T10:00:00.000Z');
  });

  it('takes the offset in force on the day, either side of a summer-time change', () => {
    expect(zonedToIso('2025-03-29T12:00', 'Europe/Berlin')).toBe('2025-03-29T11:00:00.000Z');
    expect(zonedToIso('2025-03-31T12:00', 'Europe/Berlin')).toBe('2025-03-31T10:00:00.000Z');
  });

  it('turns the API’s local time into an input value, and lists and names the days', () => {
    expect(toInputValue('2025-10-13T10:00:00+09:00')).toBe('2025-10-13T10:00');
    expect(daysBetween('2025-10-30', '2025-11-02')).toEqual(['2025-10-30', '2025-10-31', '2025-11-01', '2025-11-02']);
    expect(dayLabel('2025-10-13')).toBe('Mon 13 Oct 2025');
  });
});
