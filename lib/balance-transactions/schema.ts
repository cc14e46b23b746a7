import { z } from 'zod';
import { currencyCode, decimalString } from '@/lib/domain/amount-schema';
import { reportedPayoutStatusSchema } from '@/lib/domain/payout-status-schema';
import { TRANSACTION_FILTER_TYPES } from '@/lib/list-query/transactions-url';

/** A balance transaction as the API answers it (the list, a payout's detail, the export); isomorphic. */
export const transactionDtoSchema = z.object({
  id: z.string(),
  type: z.enum(TRANSACTION_FILTER_TYPES),
  rawType: z.string(),
  sourceType: z.string(),
  amount: decimalString,
  fee: decimalString,
  net: decimalString,
  currency: currencyCode,
  settlementAmount: decimalString.nullable(),
  settlementCurrency: currencyCode.nullable(),
  exchangeRate: z.string().nullable(),
  payoutId: z.string().nullable(),
  payoutStatus: reportedPayoutStatusSchema.nullable(),
  /** ISO 8601 with the provider's offset, as sent. */
  transactionTime: z.string(),
  processedAt: z.string().nullable(),
  sourceOrderId: z.string().nullable(),
  sourceOrderTransactionId: z.string().nullable(),
  sourcePaymentId: z.string().nullable(),
});

export type TransactionDto = z.infer<typeof transactionDtoSchema>;
