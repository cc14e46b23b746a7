import { z } from 'zod';
import { PAYOUT_STATUSES } from '@/lib/domain/transaction';
import { checkDateOrder, listFields, type Assert, type SameType } from './params';
import { DEFAULT_PAYOUT_LIMIT, MAX_PAYOUT_LIMIT, type PayoutsQuery } from './payouts-url';

/** The payouts list's strict query schema, for the route handlers (server); the browser reads the URL with ./payouts-url. */

const fields = {
  ...listFields(MAX_PAYOUT_LIMIT, DEFAULT_PAYOUT_LIMIT),
  status: z.enum(PAYOUT_STATUSES).optional(),
};

/** Strict: an unknown or invalid parameter is a 400 naming it (see parseQuery). */
export const payoutsQuerySchema = z.strictObject(fields).superRefine(checkDateOrder);

/** The schema's output is the browser's query type, or this does not compile. */
export type PayoutsSchemaOutput = Assert<SameType<z.output<typeof payoutsQuerySchema>, PayoutsQuery>>;
