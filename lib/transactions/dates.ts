/** Calendar dates (YYYY-MM-DD) cut in an IANA time zone, for the date filters; isomorphic. */
import { offsetMs } from '@/lib/domain/zone';

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

/** Epoch milliseconds of 00:00 of `date` in `timeZone`; the offset is read twice to land right across DST changes. */
export function startOfDay(date: string, timeZone: string): number {
  const ymd = parts(date);
  if (!ymd) throw new RangeError(`not a date: ${date}`);
  const wall = Date.UTC(ymd[0], ymd[1] - 1, ymd[2]);
  const guess = wall - offsetMs(wall, timeZone);
  return wall - offsetMs(guess, timeZone);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`, e.g. today's for the merchant. */
export function dateIn(timeZone: string, instant: Date): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const parts = new Map(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.get('year')}-${parts.get('month')}-${parts.get('day')}`;
}

/** The calendar date after `date`. */
export function nextDay(date: string): string {
  const ymd = parts(date);
  if (!ymd) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.UTC(ymd[0], ymd[1] - 1, ymd[2]) + DAY_MS).toISOString().slice(0, 10);
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
