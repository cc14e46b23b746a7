import { PAYOUT_STATUSES, type PayoutStatus } from '@/lib/domain/transaction';
import { PAYOUT_ID } from '@/lib/http/params';
import { daysInRange, isFilterDate, isIsoDate, isTimeZone } from '@/lib/time/dates';

/**
 * The list parameters' checks as plain predicates, without zod: the browser's lenient reading of a URL uses
 * them directly, and the server's strict schemas (./params) are built from the same ones, so the two readings
 * accept the same values. Isomorphic; what the browser loads with a page.
 */

/** What Next.js pages receive as `searchParams`, or the URL's own. */
export type SearchParamsInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A page size as the URL writes it: one to six digits (then 1..max). */
export const LIMIT_DIGITS = /^\d{1,6}$/;
export const MIN_LIMIT = 1;
export const MAX_CURSOR_LENGTH = 2048;
/** Longest from..to range of the transaction and payout lists and of an export (ten years); flows have their own. */
export const MAX_LIST_RANGE_DAYS = 3_660;

/** The page size a `limit` value names when it is a whole number in 1..max; undefined otherwise. */
export function limitValue(value: string, max: number): number | undefined {
  if (!LIMIT_DIGITS.test(value)) return undefined;
  const limit = Number(value);
  return limit >= MIN_LIMIT && limit <= max ? limit : undefined;
}

export const isCursor = (value: string): boolean => value.length >= 1 && value.length <= MAX_CURSOR_LENGTH;

/** A calendar date (YYYY-MM-DD) within the filters' bounds (2000-01-01 to a year after today). */
export const isDateParam = (value: string): boolean => isIsoDate(value) && isFilterDate(value);

export const isTimeZoneParam = (value: string): boolean => isTimeZone(value);

/** A payout id in a provider-neutral form; the list pipeline checks it against the provider's declared format. */
export const isPayoutId = (value: string): boolean => PAYOUT_ID.test(value);

export const isPayoutStatus = (value: string): value is PayoutStatus => (PAYOUT_STATUSES as readonly string[]).includes(value);

/** Every value of a parameter, in order; repeated keys and Next's string arrays alike. */
export function paramValues(input: SearchParamsInput, key: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(key);
  const value = input[key];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** The browser's reading: the first value if the field accepts it, otherwise undefined (the default applies). */
export function lenient<T extends string>(input: SearchParamsInput, key: string, accepts: (value: string) => value is T): T | undefined;
export function lenient(input: SearchParamsInput, key: string, accepts: (value: string) => boolean): string | undefined;
export function lenient(input: SearchParamsInput, key: string, accepts: (value: string) => boolean): string | undefined {
  const [first] = paramValues(input, key);
  return first !== undefined && accepts(first) ? first : undefined;
}

/** Comma-separated values of a repeatable parameter, trimmed, empty ones dropped. */
export function splitList(raw: string | readonly string[]): string[] {
  const values = typeof raw === 'string' ? [raw] : raw;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/** Why a list's from..to range cannot be used ('from' is the parameter to name); null when it can or a date is malformed. */
export function listRangeProblem(from: string | undefined, to: string | undefined): string | null {
  if (from === undefined || to === undefined || !isIsoDate(from) || !isIsoDate(to)) return null;
  if (from > to) return 'must not be after "to"';
  if (daysInRange(from, to) > MAX_LIST_RANGE_DAYS) return `must be at most ${MAX_LIST_RANGE_DAYS} days before "to"`;
  return null;
}

/** Drops a reversed or too long date range instead of failing, as the browser reads URLs leniently. */
export function lenientRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  if (listRangeProblem(from, to) !== null) return {};
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** Appends only the parameters that are set, in the order given. */
export function writeParams(entries: readonly (readonly [string, string | undefined])[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value !== undefined && value !== '') params.set(key, value);
  return params;
}

/** The parameters every walked list takes (the strict schema's output for them, too). */
export interface ListQueryFields {
  limit: number;
  cursor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  tz?: string | undefined;
}

/** The browser's reading of the shared list parameters: a bad value falls back to its default. */
export function lenientListFields(input: SearchParamsInput, maxLimit: number, defaultLimit: number): ListQueryFields {
  const [limit] = paramValues(input, 'limit');
  return {
    limit: (limit === undefined ? undefined : limitValue(limit, maxLimit)) ?? defaultLimit,
    cursor: lenient(input, 'cursor', isCursor),
    ...lenientRange(lenient(input, 'from', isDateParam), lenient(input, 'to', isDateParam)),
    tz: lenient(input, 'tz', isTimeZoneParam),
  };
}

/** The shared list parameters' URL entries, after a list's own filters: range, zone, page size (unless the default), cursor. */
export function listParamEntries(
  query: { readonly from?: string; readonly to?: string; readonly tz?: string; readonly limit: number; readonly cursor?: string },
  defaultLimit: number,
): [string, string | undefined][] {
  return [
    ['from', query.from],
    ['to', query.to],
    ['tz', query.tz],
    ['limit', query.limit === defaultLimit ? undefined : String(query.limit)],
    ['cursor', query.cursor],
  ];
}
