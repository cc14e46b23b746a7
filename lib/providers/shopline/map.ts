import type { BalanceLine } from '@/lib/domain/balance';
import type { BalanceTransaction, Payout, PayoutStatus, TransactionType } from '@/lib/domain/transaction';
import { optional, wireReader, type MapContext, type WireReader } from '../wire';
import type { WireBalance, WirePayout, WirePayoutStatus, WireTransaction } from './schemas';

export function payoutStatusToWire(status: PayoutStatus): WirePayoutStatus {
  switch (status) {
    case 'in_progress':
      return 'in progress';
    case 'accepted_by_bank':
      return 'accepted by bank';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    case 'retrying':
      return 'retrying';
    default: {
      const unreachable: never = status;
      throw new Error(`Unhandled payout status ${String(unreachable)}`);
    }
  }
}

/** Empty (CN stores) is null; a status outside the documented five is a bad response, not a guess. */
export function payoutStatusFromWire(value: string | null | undefined, field: string, read: WireReader): PayoutStatus | null {
  const wire = optional(value)?.trim().toLowerCase() ?? null;
  switch (wire) {
    case null:
      return null;
    case 'in progress':
      return 'in_progress';
    case 'accepted by bank':
      return 'accepted_by_bank';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    case 'retrying':
      return 'retrying';
    default:
      throw read.fail(`an unknown payout status in ${field}`);
  }
}

/** Types outside the documented list (the page's own example is "fee_reversed") are kept as 'other'. */
export function transactionType(raw: string): TransactionType {
  // The docs capitalise some names ("Chargeback_won", "Accounting_adjustment").
  const wire = raw.trim().toLowerCase();
  switch (wire) {
    case 'payment':
    case 'refund':
    case 'refund_failure':
    case 'chargeback':
    case 'chargeback_won':
    case 'reserve_held':
    case 'reserve_released':
    case 'accounting_adjustment':
    case 'transfer_in':
    case 'payout':
      return wire;
    default:
      return 'other';
  }
}

export function mapBalances(wire: readonly WireBalance[], ctx: MapContext & { readonly receivedAt: Date }): BalanceLine[] {
  const read = wireReader(ctx);
  return wire.map((row, index) => {
    const currency = read.currency(row.currency, `balance[${index}].currency`);
    const amount = read.money(row.amount, currency, `balance[${index}].amount`);
    return {
      key: currency,
      subLabel: null,
      currency,
      settling: null,
      available: amount,
      frozen: null,
      total: amount,
      asOf: ctx.receivedAt,
      warnings: [],
    };
  });
}

export function mapTransaction(wire: WireTransaction, field: string, read: WireReader): BalanceTransaction {
  const currency = read.currency(wire.currency, `${field}.currency`);
  const settlementAmount = optional(wire.settlement_amount);
  const settlementCurrency = optional(wire.settlement_currency);
  if (settlementAmount !== null && settlementCurrency === null) {
    throw read.fail(`a settlement amount without a currency in ${field}.settlement_currency`);
  }
  const exchangeRate = optional(wire.exchange_rate);
  const processedAt = optional(wire.processed_at);
  return {
    id: wire.id,
    type: transactionType(wire.type),
    rawType: wire.type,
    sourceType: optional(wire.source_type) ?? '',
    amount: read.money(wire.amount, currency, `${field}.amount`),
    fee: read.money(wire.fee, currency, `${field}.fee`),
    net: read.money(wire.net, currency, `${field}.net`),
    currency,
    settlementAmount:
      settlementAmount === null || settlementCurrency === null
        ? null
        : read.money(settlementAmount, read.currency(settlementCurrency, `${field}.settlement_currency`), `${field}.settlement_amount`),
    exchangeRate: exchangeRate === null ? null : read.decimal(exchangeRate, `${field}.exchange_rate`),
    payoutId: optional(wire.payout_id),
    payoutStatus: payoutStatusFromWire(wire.payout_status, `${field}.payout_status`, read),
    transactionTime: read.timestamp(wire.transaction_time, `${field}.transaction_time`),
    processedAt: processedAt === null ? null : read.timestamp(processedAt, `${field}.processed_at`),
    sourceOrderId: optional(wire.source_order_id),
    sourceOrderTransactionId: optional(wire.source_order_transaction_id),
    sourcePaymentId: optional(wire.source_payment_id),
  };
}

export function mapTransactions(wire: readonly WireTransaction[], ctx: MapContext): BalanceTransaction[] {
  const read = wireReader(ctx);
  return wire.map((row, index) => mapTransaction(row, `transactions[${index}]`, read));
}

export function mapPayout(wire: WirePayout, field: string, read: WireReader): Payout {
  const currency = read.currency(wire.currency, `${field}.currency`);
  return {
    id: wire.id,
    amount: read.money(wire.amount, currency, `${field}.amount`),
    status: payoutStatusFromWire(wire.status, `${field}.status`, read),
    date: read.timestamp(wire.date, `${field}.date`),
  };
}

export function mapPayouts(wire: readonly WirePayout[], ctx: MapContext): Payout[] {
  const read = wireReader(ctx);
  return wire.map((row, index) => mapPayout(row, `payouts[${index}]`, read));
}
