import { describe, expect, it } from 'vitest';
import { daysInRange, isFilterDate, maxFilterDate, MIN_FILTER_DATE, nextDay, shiftDate, startOfDay, dateRange } from '@/lib/time/dates';

const iso = (ms: number) => new Date(ms).toISOString();

describe('date functions at the edges of their range', () => {
  it('step to 9999-12-31 and refuse to step past it, instead of writing "+010000-01-01"', () => {
    expect(nextDay('9999-12-30')).toBe('9999-12-31');
    expect(() => nextDay('9999-12-31')).toThrow(RangeError);
    expect(() => shiftDate('9999-01-01', 365)).toThrow(RangeError);
    expect(() => dateRange('9999-01-01', '9999-12-31', 'UTC')).toThrow(RangeError);
  });

  it('read the first years as themselves, not as 1900-1999', () => {
    expect(shiftDate('0001-01-01', 1)).toBe('0001-01-02');
    expect(() => shiftDate('0001-01-01', -1)).toThrow(RangeError);
    expect(daysInRange('0001-01-01', '0001-12-31')).toBe(365);
    expect(iso(startOfDay('0050-06-01', 'UTC'))).toBe('0050-06-01T00:00:00.000Z');
  });

  it('find the start of 9999-12-31 in zones either side of UTC', () => {
    expect(iso(startOfDay('9999-12-31', 'UTC'))).toBe('9999-12-31T00:00:00.000Z');
    expect(iso(startOfDay('9999-12-31', 'Asia/Tokyo'))).toBe('9999-12-30T15:00:00.000Z');
    expect(iso(startOfDay('9999-12-31', 'America/Los_Angeles'))).toBe('9999-12-31T08:00:00.000Z');
  });

  it('count days across years, leap days and the year-9999 end', () => {
    expect(daysInRange('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysInRange('9999-01-01', '9999-12-31')).toBe(365);
    expect(daysInRange('2024-03-02', '2024-03-01')).toBe(0);
    expect(() => daysInRange('2024-03-01', '+10000-01-01')).toThrow(RangeError);
  });

  it.each([
    // Santiago skips midnight when DST starts (00:00 -04 becomes 01:00 -03): the day begins at 01:00.
    ['2024-09-08', 'America/Santiago', '2024-09-08T04:00:00.000Z'],
    ['2024-09-07', 'America/Santiago', '2024-09-07T04:00:00.000Z'],
    ['2024-09-09', 'America/Santiago', '2024-09-09T03:00:00.000Z'],
    // ...and repeats the last hour of the day before when DST ends (24:00 -03 becomes 23:00 -04).
    ['2024-04-07', 'America/Santiago', '2024-04-07T04:00:00.000Z'],
    // Havana skips midnight in March and has two midnights in November (01:00 -04 becomes 00:00 -05): the first counts.
    ['2024-03-10', 'America/Havana', '2024-03-10T05:00:00.000Z'],
    ['2024-11-03', 'America/Havana', '2024-11-03T04:00:00.000Z'],
    ['2024-11-04', 'America/Havana', '2024-11-04T05:00:00.000Z'],
    // Tehran skipped midnight when DST started (00:00 +03:30 became 01:00 +04:30), until 2022.
    ['2021-03-22', 'Asia/Tehran', '2021-03-21T20:30:00.000Z'],
    ['2021-03-23', 'Asia/Tehran', '2021-03-22T19:30:00.000Z'],
    ['2021-09-22', 'Asia/Tehran', '2021-09-21T20:30:00.000Z'],
  ])('start of %s in %s is %s', (date, zone, expected) => {
    const start = startOfDay(date, zone);
    expect(iso(start)).toBe(expected);
    // One millisecond earlier is still the day before on the zone's calendar.
    const dayBefore = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start - 1);
    expect(dayBefore).toBe(shiftDate(date, -1));
  });

  it('accept filter dates from 2000-01-01 to a year after today, and nothing further', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(MIN_FILTER_DATE).toBe('2000-01-01');
    expect(maxFilterDate(now)).toBe('2027-12-02');
    expect(isFilterDate('2000-01-01', now)).toBe(true);
    expect(isFilterDate('1999-12-31', now)).toBe(false);
    expect(isFilterDate('2027-12-02', now)).toBe(true);
    expect(isFilterDate('2027-12-03', now)).toBe(false);
    expect(isFilterDate('9999-12-31', now)).toBe(false);
    expect(isFilterDate('275760-09-13', now)).toBe(false);
  });
});
