import { describe, expect, it } from 'vitest';
import { bucketIndex, planBuckets } from '@/lib/flows/buckets';

const HOUR = 3_600_000;
const iso = (ms: number | undefined) => new Date(ms ?? NaN).toISOString();

describe('planBuckets: days cut in the organization time zone', () => {
  it('gives the spring-forward day in New York 23 hours (2026-03-08)', () => {
    const plan = planBuckets('2026-03-07', '2026-03-09', 'day', 'America/New_York');
    expect(plan.spans.map((s) => s.start)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(plan.bounds.map(iso)).toEqual([
      '2026-03-07T05:00:00.000Z',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-10T04:00:00.000Z',
    ]);
    const lengths = plan.bounds.slice(1).map((end, i) => (end - (plan.bounds[i] ?? 0)) / HOUR);
    expect(lengths).toEqual([24, 23, 24]);
  });

  it('gives the fall-back day in New York 25 hours (2026-11-01)', () => {
    const plan = planBuckets('2026-10-31', '2026-11-02', 'day', 'America/New_York');
    const lengths = plan.bounds.slice(1).map((end, i) => (end - (plan.bounds[i] ?? 0)) / HOUR);
    expect(lengths).toEqual([24, 25, 24]);
    expect(iso(plan.bounds[1])).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(plan.bounds[2])).toBe('2026-11-02T05:00:00.000Z');
  });

  it.each([
    ['2026-03-29', 23, '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', 25, '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
  ])('cuts Berlin %s into a %i-hour day', (date, hours, start, end) => {
    const plan = planBuckets(date, date, 'day', 'Europe/Berlin');
    expect(plan.bounds.map(iso)).toEqual([start, end]);
    expect(((plan.bounds[1] ?? 0) - (plan.bounds[0] ?? 0)) / HOUR).toBe(hours);
  });

  it.each([
    // New York, spring forward: 02:00 EST jumps to 03:00 EDT.
    ['2026-03-08T00:00:00-05:00', '2026-03-08'],
    ['2026-03-07T23:59:59-05:00', '2026-03-07'],
    ['2026-03-08T23:59:59-04:00', '2026-03-08'],
    ['2026-03-09T00:00:00-04:00', '2026-03-09'],
    ['2026-03-08T12:00:00+08:00', '2026-03-07'],
    // Fall back: 01:00-02:00 happens twice; both belong to Nov 1.
    ['2026-11-01T01:30:00-04:00', '2026-11-01'],
    ['2026-11-01T01:30:00-05:00', '2026-11-01'],
    ['2026-11-01T23:59:59-05:00', '2026-11-01'],
    ['2026-11-02T00:00:00-05:00', '2026-11-02'],
    ['2026-10-31T23:59:59-04:00', '2026-10-31'],
  ])('puts %s on %s in America/New_York', (time, day) => {
    const plan = planBuckets('2026-03-01', '2026-11-30', 'day', 'America/New_York');
    const index = bucketIndex(plan, Date.parse(time));
    expect(plan.spans[index]?.start).toBe(day);
  });

  it('answers -1 outside the period, on both ends', () => {
    const plan = planBuckets('2026-03-08', '2026-03-08', 'day', 'America/New_York');
    expect(bucketIndex(plan, Date.parse('2026-03-07T23:59:59.999-05:00'))).toBe(-1);
    expect(bucketIndex(plan, Date.parse('2026-03-08T00:00:00-05:00'))).toBe(0);
    expect(bucketIndex(plan, Date.parse('2026-03-08T23:59:59.999-04:00'))).toBe(0);
    expect(bucketIndex(plan, Date.parse('2026-03-09T00:00:00-04:00'))).toBe(-1);
  });
});

describe('planBuckets: weeks', () => {
  it('starts weeks on Monday and clips the first and last week to the period', () => {
    // 2026-03-04 is a Wednesday; 2026-03-25 a Wednesday.
    const plan = planBuckets('2026-03-04', '2026-03-25', 'week', 'America/New_York');
    expect(plan.spans).toEqual([
      { start: '2026-03-04', end: '2026-03-08' },
      { start: '2026-03-09', end: '2026-03-15' },
      { start: '2026-03-16', end: '2026-03-22' },
      { start: '2026-03-23', end: '2026-03-25' },
    ]);
    // The first week holds the 23-hour DST day: 4 days of 24h + 23h.
    expect(((plan.bounds[1] ?? 0) - (plan.bounds[0] ?? 0)) / HOUR).toBe(4 * 24 + 23);
    expect(((plan.bounds[2] ?? 0) - (plan.bounds[1] ?? 0)) / HOUR).toBe(7 * 24);
  });

  it('gives a 90-day period 14 weeks when it starts mid-week, and covers every day once', () => {
    const plan = planBuckets('2026-01-01', '2026-03-31', 'week', 'Europe/Berlin');
    expect(plan.spans).toHaveLength(14);
    expect(plan.spans[0]).toEqual({ start: '2026-01-01', end: '2026-01-04' });
    expect(plan.spans.at(-1)).toEqual({ start: '2026-03-30', end: '2026-03-31' });
    const days = plan.spans.reduce((sum, s) => sum + (Date.parse(s.end) - Date.parse(s.start)) / 86_400_000 + 1, 0);
    expect(days).toBe(90);
  });

  it('keeps a week that starts on Monday whole', () => {
    const plan = planBuckets('2026-10-19', '2026-11-01', 'week', 'Europe/Berlin');
    expect(plan.spans).toEqual([
      { start: '2026-10-19', end: '2026-10-25' },
      { start: '2026-10-26', end: '2026-11-01' },
    ]);
    expect(((plan.bounds[1] ?? 0) - (plan.bounds[0] ?? 0)) / HOUR).toBe(7 * 24 + 1);
  });
});
