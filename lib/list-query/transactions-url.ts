import { TRANSACTION_TYPES, type PayoutStatus, type TransactionType } from '@/lib/domain/transaction';
import {
  isPayoutId,
  isPayoutStatus,
  lenient,
  lenientListFields,
  listParamEntries,
  paramValues,
  splitList,
  writeParams,
  type ListQueryFields,
  type SearchParamsInput,
} from './fields';

/**
 * The transactions list's URL, without zod: its constants, its query type, the browser's lenient reading and
 * the writer. The strict schema of the route handler and the CSV export (./transactions) is built from the same
 * predicates, and its output type is this query type (checked at compile time there).
 */

export const TRANSACTION_FILTER_TYPES = [...TRANSACTION_TYPES, 'other'] as const satisfies readonly TransactionType[];
export const TRANSACTION_PAGE_SIZES = [50, 100, 250, 1000] as const;
export const DEFAULT_TRANSACTION_LIMIT = 100;
/** The most rows one page of the list may ask for; the list pipeline also holds it to the provider's declared page limit. */
export const MAX_TRANSACTION_LIMIT = 10_000;

export interface TransactionsQuery extends ListQueryFields {
  payout_status?: PayoutStatus | undefined;
  payout_id?: string | undefined;
  type?: TransactionType[] | undefined;
}

export const DEFAULT_TRANSACTIONS_QUERY: TransactionsQuery = { limit: DEFAULT_TRANSACTION_LIMIT };

/** The known types among `values`, in the filter's order. */
export function canonicalTypes(values: readonly string[]): TransactionType[] {
  return TRANSACTION_FILTER_TYPES.filter((type) => values.includes(type));
}

/** Whether rows must be filtered here, not by the provider (it has no type or date filter). */
export function hasLocalFilters(query: Pick<TransactionsQuery, 'type' | 'from' | 'to'>): boolean {
  return query.type !== undefined || query.from !== undefined || query.to !== undefined;
}

/** The browser's reading of the URL: a bad value falls back to its default instead of failing (unknown types are dropped). */
export function parseTransactionsSearchParams(input: SearchParamsInput): TransactionsQuery {
  const types = canonicalTypes(splitList(paramValues(input, 'type')));
  return {
    ...lenientListFields(input, MAX_TRANSACTION_LIMIT, DEFAULT_TRANSACTION_LIMIT),
    payout_status: lenient(input, 'payout_status', isPayoutStatus),
    payout_id: lenient(input, 'payout_id', isPayoutId),
    type: types.length > 0 ? types : undefined,
  };
}

/** The URL form of a query, in a stable order, defaults left out. */
export function toSearchParams(query: TransactionsQuery): URLSearchParams {
  return writeParams([
    ['type', query.type?.join(',')],
    ['payout_status', query.payout_status],
    ['payout_id', query.payout_id],
    ...listParamEntries(query, DEFAULT_TRANSACTION_LIMIT),
  ]);
}
