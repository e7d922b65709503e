import { describe, expect, it } from 'vitest';
import { dayHasBegun, toZonedIso, zonedDay } from './zoned-time.ts';

describe('toZonedIso', () => {
  it('shows an instant with the offset of the zone at that instant', () => {
    expect(toZonedIso(new Date('2025-10-13T01:00:00Z'), 'Asia/Seoul')).toBe('2025-10-13T10:00:00+09:00');
    expect(toZonedIso(new Date('2025-10-13T01:00:00Z'), 'Asia/Tashkent')).toBe('2025-10-13T06:00:00+05:00');
    expect(toZonedIso(new Date('2025-10-13T01:00:00Z'), 'UTC')).toBe('2025-10-13T01:00:00+00:00');
    // Across a daylight-saving change the offset follows the date.
    expect(toZonedIso(new Date('2025-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2025-07-01T14:00:00+02:00');
    expect(toZonedIso(new Date('2025-12-01T12:00:00Z'), 'Europe/Berlin')).toBe('2025-12-01T13:00:00+01:00');
  });

  it('round-trips: the zoned string parses back to the same instant', () => {
    const instant = new Date('2025-10-20T23:30:00Z');
    expect(new Date(toZonedIso(instant, 'Asia/Seoul')).getTime()).toBe(instant.getTime());
  });
});

describe('dayHasBegun', () => {
  const day = new Date('2025-10-13');
  it('compares with the day in the zone, not in UTC', () => {
    // 15:00 UTC on the 12th is already the 13th in Seoul, still the 12th in London.
    const now = new Date('2025-10-12T15:00:00Z');
    expect(zonedDay(now, 'Asia/Seoul')).toBe('2025-10-13');
    expect(dayHasBegun(day, 'Asia/Seoul', now)).toBe(true);
    expect(dayHasBegun(day, 'Europe/London', now)).toBe(false);
    expect(dayHasBegun(day, 'Asia/Seoul', new Date('2025-10-12T14:59:59Z'))).toBe(false);
  });
});
