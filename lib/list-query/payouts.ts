import { z } from 'zod';
import { PAYOUT_STATUSES } from '@/lib/domain/transaction';
import { checkDateOrder, lenient, lenientListFields, listFields, listParamEntries, writeParams, type SearchParamsInput } from './params';

/** The payouts list's query: one schema for the route handler, the client hook and the CSV export. */

export const PAYOUT_PAGE_SIZES = [25, 50, 100, 250] as const;
export const DEFAULT_PAYOUT_LIMIT = 50;
/** The most payouts one page may ask for; the list pipeline also holds it to the provider's declared page limit. */
export const MAX_PAYOUT_LIMIT = 1_000;

const fields = {
  ...listFields(MAX_PAYOUT_LIMIT, DEFAULT_PAYOUT_LIMIT),
  status: z.enum(PAYOUT_STATUSES).optional(),
};

/** Strict: an unknown or invalid parameter is a 400 naming it (see parseQuery). */
export const payoutsQuerySchema = z.strictObject(fields).superRefine(checkDateOrder);

export type PayoutsQuery = z.output<typeof payoutsQuerySchema>;

export const DEFAULT_PAYOUTS_QUERY: PayoutsQuery = { limit: DEFAULT_PAYOUT_LIMIT };

/** The browser's reading of the URL: a bad value falls back to its default instead of failing. */
export function parsePayoutsSearchParams(input: SearchParamsInput): PayoutsQuery {
  return { ...lenientListFields(fields, input, DEFAULT_PAYOUT_LIMIT), status: lenient(fields.status, input, 'status') };
}

/** The URL form of a query, in a stable order, defaults left out. */
export function toPayoutsSearchParams(query: PayoutsQuery): URLSearchParams {
  return writeParams([['status', query.status], ...listParamEntries(query, DEFAULT_PAYOUT_LIMIT)]);
}
