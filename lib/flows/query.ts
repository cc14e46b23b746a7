import { z } from 'zod';
import { isKnownCurrency } from '@/lib/domain/currencies';
import { isIsoDate } from '@/lib/time/dates';
import { dateParam, lenient, paramValues, writeParams, type SearchParamsInput } from '@/lib/list-query/params';
import { DEFAULT_PERIOD, MAX_RANGE_DAYS, PRESET_PERIODS, daysInRange, type PeriodChoice } from './period';

/** The flow charts' query: one schema for the route handler, the server prefetch and the browser. */

export const ALL_ACCOUNTS = 'all';

export interface FlowsQuery {
  readonly range: PeriodChoice;
  /** Absent: the currency with the most transactions in the period. */
  readonly currency?: string;
  /** A connection id, or "all": every transaction-capable account of the organization. */
  readonly account: string;
}

const currencyParam = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD')
  .refine(isKnownCurrency, 'is not a currency Fundsight knows');

const accountParam = z.union([z.literal(ALL_ACCOUNTS), z.string().regex(/^conn_[0-9a-f]{32}$/)], {
  error: 'must be "all" or a connection id',
});

const fields = {
  period: z.enum(PRESET_PERIODS).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  currency: currencyParam.optional(),
  account: accountParam.default(ALL_ACCOUNTS),
};

type RangeFields = { period?: string; from?: string; to?: string };

/** Why a from/to pair cannot be used, with the parameter to name; null when it can. */
function rangeProblem(value: RangeFields): { path: 'from' | 'to' | 'period'; message: string } | null {
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

/** Strict: an unknown or invalid parameter is a 400 naming it (see parseQuery). */
export const flowsQuerySchema = z
  .strictObject(fields)
  .superRefine((value, ctx) => {
    const problem = rangeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  })
  .transform(
    (value): FlowsQuery => ({
      range:
        value.from !== undefined && value.to !== undefined
          ? { from: value.from, to: value.to }
          : { period: value.period ?? DEFAULT_PERIOD },
      account: value.account,
      ...(value.currency === undefined ? {} : { currency: value.currency }),
    }),
  );

export const DEFAULT_FLOWS_QUERY: FlowsQuery = { range: { period: DEFAULT_PERIOD }, account: ALL_ACCOUNTS };

/** The browser's reading of the URL: a bad value falls back to its default instead of failing. */
export function parseFlowsSearchParams(input: SearchParamsInput): FlowsQuery {
  const from = lenient(fields.from, input, 'from');
  const to = lenient(fields.to, input, 'to');
  const custom = from !== undefined && to !== undefined && rangeProblem({ from, to }) === null;
  const currency = lenient(currencyParam, input, 'currency');
  const [account] = paramValues(input, 'account');
  return {
    range: custom ? { from, to } : { period: lenient(fields.period, input, 'period') ?? DEFAULT_PERIOD },
    account: account !== undefined && accountParam.safeParse(account).success ? account : ALL_ACCOUNTS,
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
