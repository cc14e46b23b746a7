import { isKnownCurrency } from '@/lib/domain/currencies';
import { CONNECTION_ID } from '@/lib/http/params';
import { isDateParam, lenient, writeParams, type SearchParamsInput } from '@/lib/list-query/fields';
import { isIsoDate } from '@/lib/time/dates';
import { DEFAULT_PERIOD, MAX_RANGE_DAYS, PRESET_PERIODS, daysInRange, type PeriodChoice, type PresetPeriod } from './period';

/**
 * The flow charts' URL, without zod: the query type, the predicates of its parameters, the browser's lenient
 * reading and the writer (also the cache and query key). The strict schema of the route handler (./query) is
 * built from the same predicates.
 */

export const ALL_ACCOUNTS = 'all';

export interface FlowsQuery {
  readonly range: PeriodChoice;
  /** Absent: the currency with the most transactions in the period. */
  readonly currency?: string;
  /** A connection id, or "all": every transaction-capable account of the organization. */
  readonly account: string;
}

export const DEFAULT_FLOWS_QUERY: FlowsQuery = { range: { period: DEFAULT_PERIOD }, account: ALL_ACCOUNTS };

export const CURRENCY_CODE = /^[A-Z]{3}$/;

export const isPresetPeriod = (value: string): value is PresetPeriod => (PRESET_PERIODS as readonly string[]).includes(value);
export const isCurrencyParam = (value: string): boolean => CURRENCY_CODE.test(value) && isKnownCurrency(value);
export const isAccountParam = (value: string): boolean => value === ALL_ACCOUNTS || CONNECTION_ID.test(value);

export type FlowsRangeFields = { period?: string; from?: string; to?: string };

/** Why a from/to pair cannot be used, with the parameter to name; null when it can. */
export function flowsRangeProblem(value: FlowsRangeFields): { path: 'from' | 'to' | 'period'; message: string } | null {
  const { period, from, to } = value;
  if (from === undefined && to === undefined) return null;
  if (period !== undefined) return { path: 'period', message: 'cannot be combined with "from" and "to"' };
  if (from === undefined) return { path: 'from', message: 'is required with "to"' };
  if (to === undefined) return { path: 'to', message: 'is required with "from"' };
  // Runs even when a date failed its own check (zod reports every issue), so only well-formed dates are compared.
  if (!isIsoDate(from) || !isIsoDate(to)) return null;
  if (from > to) return { path: 'from', message: 'must not be after "to"' };
  if (daysInRange(from, to) > MAX_RANGE_DAYS) return { path: 'from', message: `must be at most ${MAX_RANGE_DAYS} days before "to"` };
  return null;
}

/** The browser's reading of the URL: a bad value falls back to its default instead of failing. */
export function parseFlowsSearchParams(input: SearchParamsInput): FlowsQuery {
  const from = lenient(input, 'from', isDateParam);
  const to = lenient(input, 'to', isDateParam);
  const custom = from !== undefined && to !== undefined && flowsRangeProblem({ from, to }) === null;
  const currency = lenient(input, 'currency', isCurrencyParam);
  return {
    range: custom ? { from, to } : { period: lenient(input, 'period', isPresetPeriod) ?? DEFAULT_PERIOD },
    account: lenient(input, 'account', isAccountParam) ?? ALL_ACCOUNTS,
    ...(currency === undefined ? {} : { currency }),
  };
}

/** The URL form of a query, in a stable order; also the cache and query key. */
export function toFlowsSearchParams(query: FlowsQuery): URLSearchParams {
  const { range } = query;
  return writeParams([
    ['period', 'period' in range ? range.period : undefined],
    ['from', 'from' in range ? range.from : undefined],
    ['to', 'to' in range ? range.to : undefined],
    ['currency', query.currency],
    ['account', query.account],
  ]);
}
