import { z } from 'zod';
import { decimalString } from '@/lib/balances/schema';
import { reportedPayoutStatusSchema } from '@/lib/domain/payout-status';
import { PROVIDER_IDS } from '@/lib/domain/provider-ids';
import { TRANSACTION_FILTER_TYPES } from './query';

/** What the transactions API answers; the client hook parses responses with these. */

export const currencyCode = z.string().regex(/^[A-Z]{3}$/);

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

/** One page of a walked list; `searching` means the server stopped at its budget, not at the end. */
export const pageFields = {
  nextCursor: z.string().nullable(),
  previousCursor: z.string().nullable(),
  searching: z.boolean(),
  scannedRows: z.number().int().nonnegative(),
  providerPages: z.number().int().nonnegative(),
};

export const transactionsPageSchema = z.object({ items: z.array(transactionDtoSchema), ...pageFields });

export type TransactionDto = z.infer<typeof transactionDtoSchema>;
export type TransactionsPageDto = z.infer<typeof transactionsPageSchema>;

/** `{ error: { code: 'provider_error', message, traceId, kind } }`, status 502 (504 on timeouts). */
export const providerErrorBodySchema = z.object({
  error: z.object({
    code: z.literal('provider_error'),
    message: z.string(),
    traceId: z.string().nullable(),
    kind: z.string(),
  }),
});

export const connectionDtoSchema = z.object({
  id: z.string(),
  label: z.string(),
  provider: z.enum(PROVIDER_IDS),
  providerName: z.string(),
  capabilities: z.object({ balances: z.literal(true), transactions: z.boolean(), payouts: z.boolean() }),
});

export const connectionsResponseSchema = z.object({ connections: z.array(connectionDtoSchema) });

export type ConnectionDto = z.infer<typeof connectionDtoSchema>;
export type ConnectionsResponseDto = z.infer<typeof connectionsResponseSchema>;
