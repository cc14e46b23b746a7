import type { PayoutStatus } from '@/lib/domain/transaction';
import { isPayoutStatus, lenient, lenientListFields, listParamEntries, writeParams, type ListQueryFields, type SearchParamsInput } from './fields';

/**
 * The payouts list's URL, without zod: its constants, its query type, the browser's lenient reading and the
 * writer. The route handlers' strict schema (./payouts) is built from the same predicates.
 */

export const PAYOUT_PAGE_SIZES = [25, 50, 100, 250] as const;
export const DEFAULT_PAYOUT_LIMIT = 50;
/** The most payouts one page may ask for; the list pipeline also holds it to the provider's declared page limit. */
export const MAX_PAYOUT_LIMIT = 1_000;

export interface PayoutsQuery extends ListQueryFields {
  status?: PayoutStatus | undefined;
}

export const DEFAULT_PAYOUTS_QUERY: PayoutsQuery = { limit: DEFAULT_PAYOUT_LIMIT };

/** The browser's reading of the URL: a bad value falls back to its default instead of failing. */
export function parsePayoutsSearchParams(input: SearchParamsInput): PayoutsQuery {
  return { ...lenientListFields(input, MAX_PAYOUT_LIMIT, DEFAULT_PAYOUT_LIMIT), status: lenient(input, 'status', isPayoutStatus) };
}

/** The URL form of a query, in a stable order, defaults left out. */
export function toPayoutsSearchParams(query: PayoutsQuery): URLSearchParams {
  return writeParams([['status', query.status], ...listParamEntries(query, DEFAULT_PAYOUT_LIMIT)]);
}
