import { describe, expect, it } from 'vitest';
import { dateRange, isIsoDate, isTimeZone, nextDay, placeInRange, startOfDay } from '@/lib/time/dates';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['1969-12-31', false],
    ['2024-03-31T00:00', false],
  ])('isIsoDate(%j) = %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it.each([
    ['UTC', true],
    ['Asia/Tokyo', true],
    ['America/New_York', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isTimeZone(%j) = %s', (value, ok) => {
    expect(isTimeZone(value)).toBe(ok);
  });

  it.each([
    ['2024-03-31', 'UTC', '2024-03-31T00:00:00.000Z'],
    ['2024-03-31', 'Asia/Tokyo', '2024-03-30T15:00:00.000Z'],
    ['2024-03-31', 'Asia/Shanghai', '2024-03-30T16:00:00.000Z'],
    ['2024-03-10', 'America/New_York', '2024-03-10T05:00:00.000Z'],
    ['2024-03-11', 'America/New_York', '2024-03-11T04:00:00.000Z'],
    ['2024-11-03', 'America/New_York', '2024-11-03T04:00:00.000Z'],
    ['2024-03-31', 'Europe/Berlin', '2024-03-30T23:00:00.000Z'],
    ['2024-04-01', 'Europe/Berlin', '2024-03-31T22:00:00.000Z'],
  ])('startOfDay(%s, %s) is %s', (date, zone, iso) => {
    expect(new Date(startOfDay(date, zone)).toISOString()).toBe(iso);
  });

  it('crosses months and leap days', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });

  it('treats both ends as whole days in the zone', () => {
    const range = dateRange('2024-03-01', '2024-03-01', 'Asia/Shanghai');
    expect(placeInRange('2024-03-01T00:00:00+08:00', range)).toBe('in');
    expect(placeInRange('2024-03-01T23:59:59+08:00', range)).toBe('in');
    expect(placeInRange('2024-03-02T00:00:00+08:00', range)).toBe('newer');
    expect(placeInRange('2024-02-29T23:59:59+08:00', range)).toBe('older');
    expect(placeInRange('2024-02-29T16:00:00Z', range)).toBe('in');
  });
});
