/**
 * Instants as wall-clock text ("2024-03-10 03:30:00") in an IANA zone, fast enough for a million rows:
 * Intl is slow, so the zone's offset is cached per day (see cachedOffsets) and the date part per day
 * (rows come in time order).
 * Formatters keep caches: make one per column. Isomorphic.
 */

import { offsetMs } from '@/lib/time/dates';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export type InstantFormatter = (epochMs: number) => string;

/** "YYYY-MM-DD HH:mm:ss" of an instant read as UTC: a format spreadsheets read as a date-time. */
export function utcFormatter(): InstantFormatter {
  let cachedDay = Number.NaN;
  let datePart = '';
  return (epochMs) => {
    const day = Math.floor(epochMs / DAY_MS);
    if (day !== cachedDay) {
      cachedDay = day;
      datePart = `${new Date(day * DAY_MS).toISOString().slice(0, 10)} `;
    }
    const seconds = Math.floor((epochMs - day * DAY_MS) / 1000);
    return `${datePart}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}`;
  };
}

export const formatUtc: InstantFormatter = utcFormatter();

function offsetReader(timeZone: string): (epochMs: number) => number {
  new Intl.DateTimeFormat('en-US', { timeZone }); // throws RangeError for an unknown zone, now rather than per row
  return (epochMs) => offsetMs(epochMs, timeZone);
}

/**
 * The zone's offset for an instant, looked up once per UTC day when the day has one offset throughout,
 * else once per hour of that day, else (an hour holding the change) per instant.
 */
function cachedOffsets(offsetAt: (epochMs: number) => number): (epochMs: number) => number {
  let day = Number.NaN;
  let dayOffset: number | null = null;
  let hour = Number.NaN;
  let hourOffset: number | null = null;
  const steady = (start: number, length: number) => {
    const first = offsetAt(start);
    return first === offsetAt(start + length - 1) ? first : null;
  };
  return (epochMs) => {
    const d = Math.floor(epochMs / DAY_MS);
    if (d !== day) {
      day = d;
      dayOffset = steady(d * DAY_MS, DAY_MS);
      hour = Number.NaN;
    }
    if (dayOffset !== null) return dayOffset;
    const h = Math.floor(epochMs / HOUR_MS);
    if (h !== hour) {
      hour = h;
      hourOffset = steady(h * HOUR_MS, HOUR_MS);
    }
    return hourOffset ?? offsetAt(epochMs);
  };
}

/** The zone's offset (ms ahead of UTC) at an instant, cached as above; one per column. Throws RangeError for an unknown zone. */
export function zoneOffsets(timeZone: string): (epochMs: number) => number {
  return cachedOffsets(offsetReader(timeZone));
}

/** A formatter for one zone; throws RangeError for an unknown zone. */
export function zonedFormatter(timeZone: string): InstantFormatter {
  const wallText = utcFormatter();
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return wallText;
  const offset = zoneOffsets(timeZone);
  return (epochMs) => wallText(epochMs + offset(epochMs));
}
