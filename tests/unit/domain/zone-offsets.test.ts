import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatZoned } from '@/components/ui/zoned-date';
import { offsetMs, zoneOffsetsAround } from '@/lib/domain/zone';
import { forgetZoneOffsets, knownOffsetMs, rememberZoneOffsets } from '@/lib/domain/zone-offsets';
import { dateIn } from '@/lib/time/dates';

const NOW = Date.UTC(2026, 11, 2, 3, 0, 0);
/** Zones with every kind of change: DST north and south, half-hour and 45-minute offsets, a 30-minute DST,
 * Morocco's Ramadan changes, zones that moved their base offset or dropped DST in the window. */
const ZONES = [
  'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Africa/Casablanca',
  'Asia/Tehran', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Havana', 'Europe/Kyiv', 'America/Nuuk',
  'Asia/Hong_Kong', 'Pacific/Apia', 'America/Mexico_City', 'Asia/Gaza', 'UTC',
];
/** Intl's own answer, with no table kept. */
function intlAnswer<T>(read: () => T): T {
  forgetZoneOffsets();
  try {
    return read();
  } finally {
    for (const zone of ZONES) rememberZoneOffsets(zoneOffsetsAround(zone, NOW));
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a zone offsets table reads what Intl reads', () => {
  const tables = ZONES.map((zone) => zoneOffsetsAround(zone, NOW));

  it('covers eight years back and two ahead, and starts with the offset at its start', () => {
    for (const table of tables) {
      expect(table.fromMs).toBeLessThanOrEqual(NOW - 8 * 365 * 86_400_000);
      expect(table.toMs).toBeGreaterThanOrEqual(NOW + 365 * 86_400_000);
      expect(table.starts[0]).toBe(table.fromMs);
      expect(table.starts.length).toBe(table.offsets.length);
    }
  });

  it('finds each change to the second: the old offset one second before, the new one at it', () => {
    const changes = tables.flatMap((table) => table.starts.slice(1).map((start, i) => ({ table, start, before: table.offsets[i], after: table.offsets[i + 1] })));
    expect(changes.length).toBeGreaterThan(60);
    for (const { table, start, before, after } of changes) {
      const [intlBefore, intlAfter] = intlAnswer(() => [offsetMs(start - 1000, table.timeZone), offsetMs(start, table.timeZone)]);
      expect([intlBefore, intlAfter]).toEqual([before, after]);
      expect([knownOffsetMs(start - 1, table.timeZone), knownOffsetMs(start, table.timeZone)]).toEqual([before, after]);
    }
  });

  it('agrees with Intl at any instant of the window, and so do the formatted date-time and date', () => {
    const table = fc.constantFrom(...tables);
    fc.assert(
      fc.property(table, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.boolean(), (t, at, withSeconds) => {
        const epochMs = Math.min(t.toMs - 1, Math.floor(t.fromMs + at * (t.toMs - t.fromMs)));
        const iso = new Date(epochMs).toISOString();
        const expected = intlAnswer(() => [offsetMs(epochMs, t.timeZone), formatZoned(iso, t.timeZone, withSeconds), dateIn(t.timeZone, new Date(epochMs))]);
        expect([knownOffsetMs(epochMs, t.timeZone), formatZoned(iso, t.timeZone, withSeconds), dateIn(t.timeZone, new Date(epochMs))]).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('formats an instant written with an offset as the same moment', () => {
    expect(formatZoned('2026-03-29T02:30:00+01:00', 'Europe/Berlin', true)).toBe('2026-03-29 03:30:00');
    expect(formatZoned('2026-03-29T00:59:59Z', 'Europe/Berlin', true)).toBe('2026-03-29 01:59:59');
    expect(formatZoned('2026-03-29T01:00:00Z', 'Europe/Berlin', true)).toBe('2026-03-29 03:00:00');
  });

  it('formats without Intl while a table covers the instant, and with it outside', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    expect(formatZoned('2025-07-01T12:00:00Z', 'America/New_York')).toBe('2025-07-01 08:00');
    expect(dateIn('Asia/Kathmandu', new Date('2025-07-01T20:00:00Z'))).toBe('2025-07-02');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(formatZoned('2001-07-01T12:00:00Z', 'America/New_York')).toBe('2001-07-01 08:00');
    expect(formatZoned('2001-07-01T12:00:00Z', 'Asia/Tokyo')).toBe('2001-07-01 21:00');
  });

  it('leaves a date that is not one to Intl, which refuses it as before', () => {
    expect(() => formatZoned('not a date', 'Europe/Berlin')).toThrow(RangeError);
  });

  it('is built once per zone and kept while now is well inside it', () => {
    expect(zoneOffsetsAround('Europe/Berlin', NOW + 86_400_000)).toBe(tables[0]);
    expect(zoneOffsetsAround('Europe/Berlin', NOW + 2 * 365 * 86_400_000)).not.toBe(tables[0]);
  });

  it('refuses a zone Intl does not know', () => {
    expect(() => zoneOffsetsAround('Mars/Olympus_Mons', NOW)).toThrow(RangeError);
  });
});
