/** Wall-clock arithmetic in IANA time zones through Intl; isomorphic, no zone database of our own. */

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

/** Milliseconds the zone's wall clock is ahead of UTC at that instant. */
export function offsetMs(epochMs: number, timeZone: string): number {
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
