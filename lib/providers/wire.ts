import 'server-only';
import { toCurrency, type CurrencyCode } from '@/lib/domain/currencies';
import { parseMoney, type Money } from '@/lib/domain/money';
import { isoWithOffset, wallTimeToEpoch } from '@/lib/domain/zone';
import type { ProviderError } from './errors';
import { badResponse } from './http-errors';
import type { ProviderId } from '@/lib/domain/provider-ids';

export interface MapContext {
  readonly provider: ProviderId;
  readonly traceId: string | null;
  /**
   * The IANA zone the provider writes times without an offset in (its declared zone); absent or null when it
   * declares none, and such times are then refused rather than read in the server's zone.
   */
  readonly timeZone?: string | null;
}

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The common shape, a date-time with its offset, checked without allocating: exports read millions of them. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

/** A WITH_OFFSET text names a real date and time (Date.parse alone would read 2022-02-30 as March 2). */
function realWithOffset(text: string): boolean {
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  const seconds = text.charCodeAt(16) === 58 ? twoDigits(text, 17) : 0;
  return day >= 1 && day <= days && twoDigits(text, 11) < 24 && twoDigits(text, 14) < 60 && seconds < 60 && !Number.isNaN(Date.parse(text));
}

/** Epoch milliseconds of a matched ISO 8601 date-time, or NaN when it is not a real one (see readIsoDateTime). */
function epochOf(match: RegExpExecArray, timeZone: string | null): number {
  const [, year = '', month = '', day = '', hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const fields = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)] as const;
  const wall = Date.UTC(...fields, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const back = new Date(wall);
  const real =
    back.getUTCFullYear() === fields[0] &&
    back.getUTCMonth() === fields[1] &&
    back.getUTCDate() === fields[2] &&
    fields[3] < 24 &&
    fields[4] < 60 &&
    fields[5] < 60;
  if (!real) return Number.NaN;
  if (offset === undefined) return timeZone === null ? Number.NaN : wallTimeToEpoch(wall, timeZone);
  if (offset.toUpperCase() === 'Z') return wall;
  const digits = offset.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return Number.NaN;
  return wall - (digits.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * Epoch milliseconds of an ISO 8601 date-time (`T` or a space between date and time), or NaN when it is not a
 * real one. With an offset it names one instant; without, it is a wall-clock time in `timeZone`, and NaN
 * when no zone is declared.
 */
export function readIsoDateTime(value: string, timeZone: string | null): number {
  const match = ISO_DATE_TIME.exec(value.trim());
  return match ? epochOf(match, timeZone) : Number.NaN;
}

/** A short quote of a bad value for the message; long values are cut so no payload is dumped. */
function quote(value: string): string {
  return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
}

/**
 * Readers for wire values that throw a bad_response naming the field instead of returning partial data.
 * `locate` spells out a field's full path (`transactions[3].amount`) only when its value is wrong, so a
 * list mapper can pass short names and keep its position in a variable instead of building a path per field.
 */
export function wireReader(ctx: MapContext, locate: (field: string) => string = (field) => field) {
  const fail = (what: string): ProviderError => badResponse(ctx.provider, what, { traceId: ctx.traceId });
  const timeZone = ctx.timeZone ?? null;
  return {
    fail,
    /** The field's full path, for messages a mapper builds itself. */
    locate,
    currency(value: string, field: string): CurrencyCode {
      try {
        return toCurrency(value);
      } catch {
        throw fail(`an unknown currency ${quote(value)} in ${locate(field)}`);
      }
    },
    money(value: string, currency: CurrencyCode, field: string): Money {
      try {
        return parseMoney(value, currency);
      } catch {
        throw fail(`an invalid ${currency} amount ${quote(value)} in ${locate(field)}`);
      }
    },
    /**
     * An ISO 8601 date-time: kept as sent when it carries an offset; without one, read in the provider's declared
     * zone and given that zone's offset, or refused when it declares none (never read in the server's zone).
     */
    timestamp(value: string, field: string): string {
      if (WITH_OFFSET.test(value) && realWithOffset(value)) return value;
      const match = ISO_DATE_TIME.exec(value.trim());
      const epoch = match ? epochOf(match, timeZone) : Number.NaN;
      if (Number.isNaN(epoch)) {
        const noOffset = match !== null && match[8] === undefined && timeZone === null;
        throw fail(`${noOffset ? 'a date-time without an offset' : 'an invalid date-time'} ${quote(value)} in ${locate(field)}`);
      }
      return match?.[8] !== undefined ? value : isoWithOffset(epoch, timeZone ?? 'UTC');
    },
    /** An ISO 8601 date-time as an instant, by the same rules as `timestamp`. */
    instant(value: string, field: string): Date {
      const epoch = readIsoDateTime(value, timeZone);
      if (Number.isNaN(epoch)) throw fail(`an invalid date-time ${quote(value)} in ${locate(field)}`);
      return new Date(epoch);
    },
    /** An exact decimal kept as text (rates are not money). */
    decimal(value: string, field: string): string {
      if (!DECIMAL.test(value.trim())) throw fail(`a value that is not a decimal ${quote(value)} in ${locate(field)}`);
      return value.trim();
    },
  };
}

export type WireReader = ReturnType<typeof wireReader>;

/** Empty strings mean "not set" in these APIs. */
export function optional(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
