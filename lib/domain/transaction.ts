import type { CurrencyCode } from './currencies';
import type { Money } from './money';

export const TRANSACTION_TYPES = [
  'payment',
  'refund',
  'refund_failure',
  'chargeback',
  'chargeback_won',
  'reserve_held',
  'reserve_released',
  'accounting_adjustment',
  'transfer_in',
  'payout',
] as const;
export type KnownTransactionType = (typeof TRANSACTION_TYPES)[number];
/** Provider types outside the documented list are kept as 'other' with their raw name. */
export type TransactionType = KnownTransactionType | 'other';

/** The documented payout statuses: the only ones a filter offers. */
export const PAYOUT_STATUSES = ['in_progress', 'accepted_by_bank', 'completed', 'failed', 'retrying'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
/** A status outside the documented list, kept with the provider's own text so it is still shown. */
export interface UnknownPayoutStatus {
  readonly kind: 'unknown';
  readonly raw: string;
}
/** What a provider reported: a documented status or an explicit unknown one. */
export type ReportedPayoutStatus = PayoutStatus | UnknownPayoutStatus;

export interface BalanceTransaction {
  readonly id: string;
  readonly type: TransactionType;
  /** The provider's own type name, e.g. "fee_reversed" when type is 'other'. */
  readonly rawType: string;
  readonly sourceType: string;
  readonly amount: Money;
  readonly fee: Money;
  readonly net: Money;
  readonly currency: CurrencyCode;
  readonly settlementAmount: Money | null;
  /** Exact decimal string, e.g. "1.3000000000"; a rate is not money. */
  readonly exchangeRate: string | null;
  readonly payoutId: string | null;
  readonly payoutStatus: ReportedPayoutStatus | null;
  /** ISO 8601 with the provider's offset, kept as sent. */
  readonly transactionTime: string;
  readonly processedAt: string | null;
  readonly sourceOrderId: string | null;
  readonly sourceOrderTransactionId: string | null;
  readonly sourcePaymentId: string | null;
}

/** The columns a sum over transactions needs (flows, kept days): what a walk asks a provider for when it can choose. */
export type TransactionFlowRow = Pick<BalanceTransaction, 'id' | 'type' | 'rawType' | 'currency' | 'amount' | 'fee' | 'transactionTime'>;

export interface Payout {
  readonly id: string;
  readonly amount: Money;
  readonly status: ReportedPayoutStatus | null;
  /** ISO 8601 with the provider's offset. */
  readonly date: string;
}

/** One page of a cursor-paged provider list; cursors are the provider's own, opaque. */
export interface ProviderPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  readonly previousCursor: string | null;
}

/**
 * Takes a list page's rows one by one as they are read, in the page's order; `restart` comes before the first
 * row of every attempt (a retried page is read again from its start, so what the sink made of it goes).
 */
export interface RowSink<R> {
  restart(): void;
  add(row: R): void;
}
