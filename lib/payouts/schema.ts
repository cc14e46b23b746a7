import { z } from 'zod';
import { reportedPayoutStatusSchema } from '@/lib/domain/payout-status-schema';
import { transactionDtoSchema } from '@/lib/balance-transactions/schema';
import { currencyCode, decimalString } from '@/lib/domain/amount-schema';
import { pageFields } from '@/lib/paging/schema';

/** What the payouts API answers; the client hooks parse responses with these. */

export const payoutDtoSchema = z.object({
  id: z.string(),
  amount: decimalString,
  currency: currencyCode,
  /** null where the provider reports none (SHOPLINE CN-entity stores); an undocumented one is kept as unknown. */
  status: reportedPayoutStatusSchema.nullable(),
  /** ISO 8601 with the provider's offset, as sent. */
  date: z.string(),
});

export const payoutsPageSchema = z.object({ items: z.array(payoutDtoSchema), ...pageFields });

/** Sums of `amount` by category, `fees` the sum of `fee`, `net` the sum of `net`; the payout line left out. */
export const payoutTotalsSchema = z.object({
  currency: currencyCode,
  payments: decimalString,
  refunds: decimalString,
  chargebacks: decimalString,
  fees: decimalString,
  reserves: decimalString,
  adjustments: decimalString,
  other: decimalString,
  net: decimalString,
});

export const reconciliationSchema = z.object({
  currency: currencyCode,
  transactionsNet: decimalString,
  payoutAmount: decimalString,
  /** transactionsNet - payoutAmount; "0.00" when reconciled. */
  difference: decimalString,
  /** The transactions' net equals the payout amount. */
  addsUp: z.boolean(),
  /** Only a completed payout that adds up is reconciled; a failed one never is (its money went back to the balance). */
  reconciled: z.boolean(),
  verdict: z.enum(['reconciled', 'adds_up_in_transit', 'difference', 'returned_to_balance']),
  /** Listed rows that explain a difference: one whose net is the difference, or a payout line unlike the payout. */
  explaining: z.array(z.object({ id: z.string(), type: z.string(), net: decimalString, reason: z.enum(['net_is_difference', 'payout_line_differs']) })),
});

export const payoutDetailSchema = z.object({
  payout: payoutDtoSchema,
  /** Newest first; the first MAX_LISTED rows when there are more (see transactionCount). */
  transactions: z.array(transactionDtoSchema),
  /** Rows read from the provider for this payout. */
  transactionCount: z.number().int().nonnegative(),
  /** The payout has more rows than the server reads: totals and reconciliation cover only the first ones. */
  truncated: z.boolean(),
  /** null when the provider does not list transactions. */
  totals: payoutTotalsSchema.nullable(),
  reconciliation: reconciliationSchema.nullable(),
  /** Rows in another currency than the payout's: never added to the totals, shown apart. */
  otherCurrencies: z.array(z.object({ currency: currencyCode, count: z.number().int(), net: decimalString })),
});

export type PayoutDto = z.infer<typeof payoutDtoSchema>;
export type PayoutsPageDto = z.infer<typeof payoutsPageSchema>;
export type PayoutTotalsDto = z.infer<typeof payoutTotalsSchema>;
export type ReconciliationDto = z.infer<typeof reconciliationSchema>;
export type PayoutDetailDto = z.infer<typeof payoutDetailSchema>;
