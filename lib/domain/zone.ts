/** Wall-clock arithmetic in IANA time zones through Intl; isomorphic, no zone database of our own. */
import { knownOffsetMs, rememberZoneOffsets, type ZoneOffsets } from './zone-offsets';

export function isTimeZone(value: string): boolean {
  if (value.trim() === '' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name ("Asia/Hong_Kong", "UTC", "Etc/GMT-8") that Intl knows; not a bare offset like "+08:00". */
export function isIanaZoneName(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(value) && isTimeZone(value);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Milliseconds the zone's wall clock is ahead of UTC at that instant: from a kept table when one covers it. */
export function offsetMs(epochMs: number, timeZone: string): number {
  return knownOffsetMs(epochMs, timeZone) ?? intlOffsetMs(epochMs, timeZone);
}

/** The same, asked of Intl. */
function intlOffsetMs(epochMs: number, timeZone: string): number {
  const values = new Map(formatter(timeZone).formatToParts(new Date(epochMs)).map((p) => [p.type, Number(p.value)]));
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
  const wall = new Date(
    Date.UTC(2000, (values.get('month') ?? 1) - 1, values.get('day') ?? 1, values.get('hour') ?? 0, values.get('minute') ?? 0, values.get('second') ?? 0),
  );
  wall.setUTCFullYear(values.get('year') ?? 1970);
  return wall.getTime() - Math.floor(epochMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time (given as if it were UTC, `Date.UTC(...)`) names in `timeZone`, read the way
 * Temporal's default "compatible" disambiguation does: a time that occurs twice (clocks going back) is the
 * earlier one; a time that never occurs (clocks going forward) is moved forward by the gap.
 */
export function wallTimeToEpoch(wallMs: number, timeZone: string): number {
  const before = offsetMs(wallMs - DAY_MS, timeZone);
  const after = offsetMs(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - before, wallMs - after].filter((epoch) => wallMs - offsetMs(epoch, timeZone) === epoch);
  return candidates.length > 0 ? Math.min(...candidates) : wallMs - before;
}

/** `YYYY-MM-DDTHH:mm:ss[.sss]±HH:MM` for an instant, with the offset of `timeZone` at that instant. */
export function isoWithOffset(epochMs: number, timeZone: string): string {
  const offset = offsetMs(epochMs, timeZone);
  const wall = new Date(epochMs + offset).toISOString().slice(0, -1);
  const local = wall.endsWith('.000') ? wall.slice(0, -4) : wall;
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const YEAR_MS = 365 * DAY_MS;
/**
 * Offsets are sampled daily: a zone whose offset changed and changed back within one day would be read
 * wrong, and none has in the window (the closest pairs, Morocco's around Ramadan, are weeks apart).
 */
const SAMPLE_MS = DAY_MS;
const built = new Map<string, ZoneOffsets>();

/**
 * The table of `timeZone`'s offsets from eight years before `nowMs` to two years after, built from Intl once a
 * zone and kept (and rebuilt when `nowMs` is within a year of its end). Each change is found to the second.
 * About 4,000 Intl reads (some 25 ms), once per zone per process. Throws RangeError for an unknown zone.
 */
export function zoneOffsetsAround(timeZone: string, nowMs: number): ZoneOffsets {
  const kept = built.get(timeZone);
  if (kept && nowMs >= kept.fromMs + 7 * YEAR_MS && nowMs < kept.toMs - YEAR_MS) return kept;
  const fromMs = Math.floor((nowMs - 8 * YEAR_MS) / DAY_MS) * DAY_MS;
  const toMs = fromMs + 10 * YEAR_MS;
  const starts = [fromMs];
  const offsets = [intlOffsetMs(fromMs, timeZone)];
  for (let at = fromMs + SAMPLE_MS; at < toMs + SAMPLE_MS; at += SAMPLE_MS) {
    const sample = Math.min(at, toMs - 1000);
    const offset = intlOffsetMs(sample, timeZone);
    if (offset === offsets.at(-1)) continue;
    // The change is in (sample - SAMPLE_MS, sample]: the first second with the new offset.
    let low = Math.floor((sample - SAMPLE_MS) / 1000);
    let high = Math.floor(sample / 1000);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (intlOffsetMs(middle * 1000, timeZone) === offset) high = middle;
      else low = middle;
    }
    starts.push(high * 1000);
    offsets.push(offset);
  }
  const table: ZoneOffsets = { timeZone, fromMs, toMs, starts, offsets };
  built.set(timeZone, table);
  rememberZoneOffsets(table);
  return table;
}
