import { z } from 'zod';
import { PAYOUT_STATUSES } from '@/lib/domain/transaction';
import { currencyCode } from '@/lib/domain/amount-schema';

/** Per status and currency: how many payouts and their exact sum, for the range; partial until the walk ends. */
export const payoutTotalsSchema = z.object({
  groups: z.array(
    z.object({ status: z.enum(PAYOUT_STATUSES).nullable(), currency: currencyCode, count: z.number().int(), amount: z.string() }),
  ),
  complete: z.boolean(),
  scannedRows: z.number().int(),
  resume: z.string().nullable(),
});
export type PayoutRangeTotalsDto = z.infer<typeof payoutTotalsSchema>;
