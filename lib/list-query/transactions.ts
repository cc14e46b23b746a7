import { z } from 'zod';
import { PAYOUT_STATUSES } from '@/lib/domain/transaction';
import { checkDateOrder, choiceListParam, listFields, payoutIdParam, type Assert, type SameType } from './params';
import { DEFAULT_TRANSACTION_LIMIT, MAX_TRANSACTION_LIMIT, TRANSACTION_FILTER_TYPES, type TransactionsQuery } from './transactions-url';

/**
 * The transactions list's strict query schema, for the route handlers and the CSV export (server). The browser
 * reads the URL with ./transactions-url, zod-free, from the same constants and predicates.
 */

const fields = {
  ...listFields(MAX_TRANSACTION_LIMIT, DEFAULT_TRANSACTION_LIMIT),
  payout_status: z.enum(PAYOUT_STATUSES).optional(),
  payout_id: payoutIdParam.optional(),
  type: choiceListParam('type', TRANSACTION_FILTER_TYPES).optional(),
};

/** The parameters the list takes, by name (the export and the fuzz test list them). */
export const transactionsQueryFields: Readonly<Record<keyof typeof fields, unknown>> = fields;

/** Strict: an unknown or invalid parameter is a 400 naming it (see parseQuery). */
export const transactionsQuerySchema = z.strictObject(fields).superRefine(checkDateOrder);

/** The schema's output is the browser's query type, or this does not compile. */
export type TransactionsSchemaOutput = Assert<SameType<z.output<typeof transactionsQuerySchema>, TransactionsQuery>>;
