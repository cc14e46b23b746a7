import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { bucketLabel, bucketTitle, formatDate, periodTitle } from '@/lib/flows/format';

const intl = {
  short: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }),
  long: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }),
  medium: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }),
};
const at = (date: string) => new Date(`${date}T00:00:00Z`);
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('flow date labels are written as Intl writes them', () => {
  it.each([
    [{ start: '2026-03-08', end: '2026-03-08' }, 'Mar 8', 'Sun, Mar 8, 2026'],
    [{ start: '2026-03-02', end: '2026-03-08' }, 'Mar 2 – 8', 'Mar 2 – 8, 2026'],
    [{ start: '2026-03-30', end: '2026-04-05' }, 'Mar 30 – Apr 5', 'Mar 30 – Apr 5, 2026'],
    [{ start: '2025-12-29', end: '2026-01-04' }, 'Dec 29, 2025 – Jan 4, 2026', 'Dec 29, 2025 – Jan 4, 2026'],
  ])('%o: axis %s, title %s', (bucket, label, title) => {
    expect(bucketLabel(bucket)).toBe(label);
    expect(bucketTitle(bucket)).toBe(title);
  });

  it('agrees with Intl for any day and any range of up to 400 days, 1970 to 2100', () => {
    const day = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) / DAY_MS });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (startDay, length) => {
        const start = iso(startDay * DAY_MS);
        const end = iso((startDay + length) * DAY_MS);
        for (const style of ['short', 'medium', 'long'] as const) expect(formatDate(start, style)).toBe(intl[style].format(at(start)));
        expect(bucketLabel({ start, end })).toBe(start === end ? intl.short.format(at(start)) : plain(intl.short.formatRange(at(start), at(end))));
        expect(bucketTitle({ start, end })).toBe(start === end ? intl.long.format(at(start)) : plain(intl.medium.formatRange(at(start), at(end))));
        expect(periodTitle(start, end)).toBe(plain(intl.medium.formatRange(at(start), at(end))));
      }),
      { numRuns: 2000 },
    );
  });

  it('uses no Intl, and refuses what is not a date', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      expect(periodTitle('2026-01-01', '2026-03-31')).toBe('Jan 1 – Mar 31, 2026');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(() => formatDate('2026-13-45')).toThrow(RangeError);
  });
});
