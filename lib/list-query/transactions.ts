import { z } from 'zod';
import { PAYOUT_STATUSES, TRANSACTION_TYPES, type TransactionType } from '@/lib/domain/transaction';
import { checkDateOrder, choiceListParam, lenient, lenientListFields, listFields, listParamEntries, paramValues, payoutIdParam, splitList, writeParams, type SearchParamsInput } from './params';

/** The transactions list's query: one schema for the route handler, the client hook and the CSV export. */

export const TRANSACTION_FILTER_TYPES = [...TRANSACTION_TYPES, 'other'] as const satisfies readonly TransactionType[];
export const TRANSACTION_PAGE_SIZES = [50, 100, 250, 1000] as const;
export const DEFAULT_TRANSACTION_LIMIT = 100;
/** The most rows one page of the list may ask for; the list pipeline also holds it to the provider's declared page limit. */
export const MAX_TRANSACTION_LIMIT = 10_000;

function canonicalTypes(values: readonly string[]): TransactionType[] {
  return TRANSACTION_FILTER_TYPES.filter((type) => values.includes(type));
}

const typeParam = choiceListParam('type', TRANSACTION_FILTER_TYPES);

const fields = {
  ...listFields(MAX_TRANSACTION_LIMIT, DEFAULT_TRANSACTION_LIMIT),
  payout_status: z.enum(PAYOUT_STATUSES).optional(),
  payout_id: payoutIdParam.optional(),
  type: typeParam.optional(),
};

/** The parameters the list takes, by name (the export and the fuzz test list them). */
export const transactionsQueryFields: Readonly<Record<keyof typeof fields, unknown>> = fields;

/** Strict: an unknown or invalid parameter is a 400 naming it (see parseQuery). */
export const transactionsQuerySchema = z.strictObject(fields).superRefine(checkDateOrder);

export type TransactionsQuery = z.output<typeof transactionsQuerySchema>;

export const DEFAULT_TRANSACTIONS_QUERY: TransactionsQuery = { limit: DEFAULT_TRANSACTION_LIMIT };

/** Whether rows must be filtered here, not by the provider (it has no type or date filter). */
export function hasLocalFilters(query: Pick<TransactionsQuery, 'type' | 'from' | 'to'>): boolean {
  return query.type !== undefined || query.from !== undefined || query.to !== undefined;
}

/** The browser's reading of the URL: a bad value falls back to its default instead of failing. */
export function parseTransactionsSearchParams(input: SearchParamsInput): TransactionsQuery {
  const types = canonicalTypes(splitList(paramValues(input, 'type')));
  return {
    ...lenientListFields(fields, input, DEFAULT_TRANSACTION_LIMIT),
    payout_status: lenient(fields.payout_status, input, 'payout_status'),
    payout_id: lenient(fields.payout_id, input, 'payout_id'),
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
