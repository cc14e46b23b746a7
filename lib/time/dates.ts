/** Calendar dates (YYYY-MM-DD) cut in an IANA time zone, for the date filters; isomorphic. */
import { offsetMs } from '@/lib/domain/zone';
import { knownOffsetMs } from '@/lib/domain/zone-offsets';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** An inclusive date range as epoch milliseconds: [fromMs, toMs), either end open. */
export interface DateRange {
  readonly fromMs?: number;
  readonly toMs?: number;
}

function parts(date: string): [number, number, number] | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** A real calendar date from 1970 on, e.g. 2024-02-29 but not 2023-02-29. */
export function isIsoDate(value: string): boolean {
  const ymd = parts(value);
  if (!ymd) return false;
  const [year, month, day] = ymd;
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1970 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export { isTimeZone, offsetMs } from '@/lib/domain/zone';

/** Epoch ms of 00:00 UTC of a calendar date; unlike Date.UTC, years 0-99 are not read as 1900-1999. */
function utcMidnight([year, month, day]: [number, number, number]): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getTime();
}

/**
 * Epoch milliseconds of the first instant of `date` in `timeZone`. Usually its 00:00; when a DST change
 * repeats midnight (America/Havana in November) the first of the two; when it skips midnight
 * (America/Santiago in September, Asia/Tehran before 2023) the moment the clocks jump, 01:00.
 */
export function startOfDay(date: string, timeZone: string): number {
  const ymd = parts(date);
  if (!ymd || ymd[0] < 1) throw new RangeError(`not a date: ${date}`);
  const wall = utcMidnight(ymd);
  // The offsets a day either side: a zone changes its offset at most once in two days.
  const candidates = [wall - offsetMs(wall - DAY_MS, timeZone), wall - offsetMs(wall + DAY_MS, timeZone)];
  const real = candidates.filter((instant) => instant + offsetMs(instant, timeZone) === wall);
  // No candidate shows 00:00 on the clock: midnight was skipped, and the day begins where the old offset ends.
  return real.length > 0 ? Math.min(...real) : Math.max(...candidates);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`, e.g. today's for the merchant. */
export function dateIn(timeZone: string, instant: Date): string {
  const offset = knownOffsetMs(instant.getTime(), timeZone);
  if (offset !== undefined) return new Date(instant.getTime() + offset).toISOString().slice(0, 10);
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const parts = new Map(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.get('year')}-${parts.get('month')}-${parts.get('day')}`;
}

/**
 * `date` moved by whole days. Only four-digit years exist here: past 9999 toISOString writes
 * "+010000-01-01", which compares as earlier than any date, so a loop stepping by days would never end.
 */
export function shiftDate(date: string, days: number): string {
  const ymd = parts(date);
  if (!ymd || !Number.isSafeInteger(days)) throw new RangeError(`not a date: ${date}`);
  const shifted = new Date(utcMidnight(ymd) + days * DAY_MS);
  const year = shifted.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw new RangeError(`${date} moved by ${days} days leaves the years 0001 to 9999`);
  return shifted.toISOString().slice(0, 10);
}

/** The calendar date after `date`. */
export function nextDay(date: string): string {
  return shiftDate(date, 1);
}

/** Number of calendar days from `from` to `to`, both included (0 or less when `to` is earlier). */
export function daysInRange(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) throw new RangeError(`not a date range: ${from}..${to}`);
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS) + 1;
}

/** The earliest date a filter accepts: no merchant's provider history reaches further back. */
export const MIN_FILTER_DATE = '2000-01-01';

/** The latest date a filter accepts: a year after today (UTC), so a future end date still works. */
export function maxFilterDate(now: Date = new Date()): string {
  return shiftDate(now.toISOString().slice(0, 10), 366);
}

/** A real date within [MIN_FILTER_DATE, maxFilterDate(now)]. */
export function isFilterDate(value: string, now: Date = new Date()): boolean {
  return isIsoDate(value) && value >= MIN_FILTER_DATE && value <= maxFilterDate(now);
}

/** `from` and `to` are inclusive calendar days in `timeZone`. */
export function dateRange(from: string | undefined, to: string | undefined, timeZone: string): DateRange {
  return {
    ...(from === undefined ? {} : { fromMs: startOfDay(from, timeZone) }),
    ...(to === undefined ? {} : { toMs: startOfDay(nextDay(to), timeZone) }),
  };
}

export type DateVerdict = 'in' | 'newer' | 'older';

/** Where an ISO 8601 time falls against the range; newest-first walks stop at 'older'. */
export function placeInRange(isoTime: string, range: DateRange): DateVerdict {
  const ms = Date.parse(isoTime);
  if (range.toMs !== undefined && ms >= range.toMs) return 'newer';
  if (range.fromMs !== undefined && ms < range.fromMs) return 'older';
  return 'in';
}
