import { z } from 'zod';
import { currencyCode } from '@/lib/domain/amount-schema';

/** What the totals route answers: the count and exact per-currency sums of the filtered list. */
export const transactionTotalsSchema = z.object({
  count: z.number().int(),
  currencies: z.array(z.object({ currency: currencyCode, count: z.number().int(), amount: z.string(), fee: z.string(), net: z.string() })),
  /** false while the walk has not reached the end of the filtered list: the figures so far. */
  complete: z.boolean(),
  scannedRows: z.number().int(),
  /** Where the next request carries on; null once complete. */
  resume: z.string().nullable(),
});
export type TransactionTotalsDto = z.infer<typeof transactionTotalsSchema>;
