import 'server-only';
import { z } from 'zod';

/** A store handle is a DNS label; anything else could point the default URL at another host. */
export const shoplineSettingsSchema = z.object({
  handle: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i, 'must be the store handle, e.g. "open001" for open001.myshopline.com'),
});
export type ShoplineSettings = z.infer<typeof shoplineSettingsSchema>;

export const shoplineCredentialsSchema = z.object({
  accessToken: z.string().trim().min(1, 'is required'),
});
export type ShoplineCredentials = z.infer<typeof shoplineCredentialsSchema>;

// Every field is a string on the wire; optional ones may be empty (CN stores) or absent.
const optionalText = z.string().nullish();

export const wireTransactionSchema = z.object({
  id: z.string().min(1),
  amount: z.string(),
  currency: z.string(),
  exchange_rate: optionalText,
  fee: z.string(),
  net: z.string(),
  payout_id: optionalText,
  payout_status: optionalText,
  processed_at: optionalText,
  settlement_amount: optionalText,
  settlement_currency: optionalText,
  source_order_id: optionalText,
  source_order_transaction_id: optionalText,
  source_payment_id: optionalText,
  source_type: optionalText,
  transaction_time: z.string(),
  type: z.string(),
});
export type WireTransaction = z.infer<typeof wireTransactionSchema>;

/** The columns a sum needs, asked for with `fields` (names as on the wire, in this order). */
export const FLOW_FIELDS = ['id', 'type', 'amount', 'fee', 'currency', 'transaction_time'] as const;

export const wireTransactionFlowSchema = wireTransactionSchema.pick({
  id: true,
  type: true,
  amount: true,
  fee: true,
  currency: true,
  transaction_time: true,
});
export type WireTransactionFlow = z.infer<typeof wireTransactionFlowSchema>;

// GET /payments/store/balance_transactions.json
export const transactionsResponseSchema = z.object({ transactions: z.array(wireTransactionSchema) });

/** A transactions page with its list read row by row as it arrives (each row checked on its own): the rest, the list emptied. */
export const transactionsEnvelopeSchema = z.object({ transactions: z.array(z.never()) });

export const wireBalanceSchema = z.object({ amount: z.string(), currency: z.string() });
export type WireBalance = z.infer<typeof wireBalanceSchema>;

// GET /payments/store/balance.json
export const balanceResponseSchema = z.object({ balance: z.array(wireBalanceSchema) });

export const wirePayoutSchema = z.object({
  id: z.string().min(1),
  amount: z.string(),
  currency: z.string(),
  date: z.string(),
  status: optionalText,
});
export type WirePayout = z.infer<typeof wirePayoutSchema>;

// GET /payments/store/payouts.json and /payments/store/payout.json
export const payoutsResponseSchema = z.object({ payouts: z.array(wirePayoutSchema) });

export const errorBodySchema = z.object({
  errors: z.union([z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())]),
});

export const WIRE_PAYOUT_STATUSES = ['in progress', 'accepted by bank', 'completed', 'failed', 'retrying'] as const;
export type WirePayoutStatus = (typeof WIRE_PAYOUT_STATUSES)[number];
