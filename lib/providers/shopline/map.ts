import 'server-only';
import type { BalanceLine } from '@/lib/domain/balance';
import type { CurrencyCode } from '@/lib/domain/currencies';
import type { Money } from '@/lib/domain/money';
import { unknownPayoutStatus } from '@/lib/domain/payout-status';
import type {
  BalanceTransaction,
  Payout,
  PayoutStatus,
  ReportedPayoutStatus,
  RowSink,
  TransactionFlowRow,
  TransactionType,
} from '@/lib/domain/transaction';
import type { RowCollector } from '../http';
import { optional, wireReader, type MapContext, type WireReader } from '../wire';
import type { WireBalance, WirePayout, WirePayoutStatus, WireTransaction, WireTransactionFlow } from './schemas';

/** Each documented payout status and its wire text: a Record, so no status can go unmapped either way. */
const WIRE_PAYOUT_STATUS = {
  in_progress: 'in progress',
  accepted_by_bank: 'accepted by bank',
  completed: 'completed',
  failed: 'failed',
  retrying: 'retrying',
} as const satisfies Record<PayoutStatus, WirePayoutStatus>;

const STATUS_OF_WIRE: ReadonlyMap<string, PayoutStatus> = new Map(
  (Object.keys(WIRE_PAYOUT_STATUS) as PayoutStatus[]).map((status) => [WIRE_PAYOUT_STATUS[status], status]),
);

export function payoutStatusToWire(status: PayoutStatus): WirePayoutStatus {
  return WIRE_PAYOUT_STATUS[status];
}

/** Empty (CN stores) is null; a status outside the documented five is kept as unknown with its text, never failed. */
export function payoutStatusFromWire(value: string | null | undefined): ReportedPayoutStatus | null {
  const raw = optional(value)?.trim() ?? null;
  if (raw === null) return null;
  return STATUS_OF_WIRE.get(raw.toLowerCase()) ?? unknownPayoutStatus(raw);
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

/**
 * One transaction; `read` locates the short field names given here (see mapTransactions). Built by a
 * constructor rather than as an object literal for the reason given at Money's `Amount`: a page of rows
 * outlives a young-generation collection while it is exported, and literal rows would then be pretenured.
 */
class ShoplineTransaction implements BalanceTransaction {
  readonly id: string;
  readonly type: TransactionType;
  readonly rawType: string;
  readonly sourceType: string;
  readonly amount: Money;
  readonly fee: Money;
  readonly net: Money;
  readonly currency: CurrencyCode;
  readonly settlementAmount: Money | null;
  readonly exchangeRate: string | null;
  readonly payoutId: string | null;
  readonly payoutStatus: ReportedPayoutStatus | null;
  readonly transactionTime: string;
  readonly processedAt: string | null;
  readonly sourceOrderId: string | null;
  readonly sourceOrderTransactionId: string | null;
  readonly sourcePaymentId: string | null;

  constructor(wire: WireTransaction, read: WireReader) {
    const currency = read.currency(wire.currency, 'currency');
    const settlementAmount = optional(wire.settlement_amount);
    const settlementCurrency = optional(wire.settlement_currency);
    if (settlementAmount !== null && settlementCurrency === null) {
      throw read.fail(`a settlement amount without a currency in ${read.locate('settlement_currency')}`);
    }
    const exchangeRate = optional(wire.exchange_rate);
    const processedAt = optional(wire.processed_at);
    this.id = wire.id;
    this.type = transactionType(wire.type);
    this.rawType = wire.type;
    this.sourceType = optional(wire.source_type) ?? '';
    this.amount = read.money(wire.amount, currency, 'amount');
    this.fee = read.money(wire.fee, currency, 'fee');
    this.net = read.money(wire.net, currency, 'net');
    this.currency = currency;
    this.settlementAmount =
      settlementAmount === null || settlementCurrency === null
        ? null
        : read.money(settlementAmount, read.currency(settlementCurrency, 'settlement_currency'), 'settlement_amount');
    this.exchangeRate = exchangeRate === null ? null : read.decimal(exchangeRate, 'exchange_rate');
    this.payoutId = optional(wire.payout_id);
    this.payoutStatus = payoutStatusFromWire(wire.payout_status);
    this.transactionTime = read.timestamp(wire.transaction_time, 'transaction_time');
    this.processedAt = processedAt === null ? null : read.timestamp(processedAt, 'processed_at');
    this.sourceOrderId = optional(wire.source_order_id);
    this.sourceOrderTransactionId = optional(wire.source_order_transaction_id);
    this.sourcePaymentId = optional(wire.source_payment_id);
  }
}

/** Rows mapped one at a time as they arrive; a bad value is named by its place (`transactions[3].amount`), spelled out only then. */
function rowCollector<W, R>(ctx: MapContext, Row: new (wire: W, read: WireReader) => R): RowCollector<W, R[]> {
  let at = 0;
  const read = wireReader(ctx, (field) => `transactions[${at}].${field}`);
  const items: R[] = [];
  return {
    add(wire, index) {
      at = index;
      items.push(new Row(wire, read));
    },
    done: () => items,
  };
}

/** A page of rows, mapped as a whole. */
function mapRows<W, R>(wire: readonly W[], ctx: MapContext, Row: new (wire: W, read: WireReader) => R): R[] {
  const rows = rowCollector(ctx, Row);
  wire.forEach((row, index) => rows.add(row, index));
  return rows.done();
}

/** The collector of a transactions page read as it arrives (requestJsonRows). */
export function transactionCollector(ctx: MapContext): RowCollector<WireTransaction, BalanceTransaction[]> {
  return rowCollector(ctx, ShoplineTransaction);
}

/** A transactions page read as it arrives, each row mapped and handed to `sink` at once; nothing is collected. */
export function transactionForwarder(ctx: MapContext, sink: RowSink<BalanceTransaction>): RowCollector<WireTransaction, never[]> {
  let at = 0;
  const read = wireReader(ctx, (field) => `transactions[${at}].${field}`);
  sink.restart();
  return {
    add(wire, index) {
      at = index;
      sink.add(new ShoplineTransaction(wire, read));
    },
    done: () => [],
  };
}

/** The collector of a flows page (`fields` asked for) read as it arrives. */
export function transactionFlowCollector(ctx: MapContext): RowCollector<WireTransactionFlow, TransactionFlowRow[]> {
  return rowCollector(ctx, ShoplineFlowRow);
}

export function mapTransactions(wire: readonly WireTransaction[], ctx: MapContext): BalanceTransaction[] {
  return mapRows(wire, ctx, ShoplineTransaction);
}

/** A row asked for with only the flow columns (`fields`); built like ShoplineTransaction, for the same reason. */
class ShoplineFlowRow implements TransactionFlowRow {
  readonly id: string;
  readonly type: TransactionType;
  readonly rawType: string;
  readonly currency: CurrencyCode;
  readonly amount: Money;
  readonly fee: Money;
  readonly transactionTime: string;

  constructor(wire: WireTransactionFlow, read: WireReader) {
    const currency = read.currency(wire.currency, 'currency');
    this.id = wire.id;
    this.type = transactionType(wire.type);
    this.rawType = wire.type;
    this.currency = currency;
    this.amount = read.money(wire.amount, currency, 'amount');
    this.fee = read.money(wire.fee, currency, 'fee');
    this.transactionTime = read.timestamp(wire.transaction_time, 'transaction_time');
  }
}


export function mapPayout(wire: WirePayout, field: string, read: WireReader): Payout {
  const currency = read.currency(wire.currency, `${field}.currency`);
  return {
    id: wire.id,
    amount: read.money(wire.amount, currency, `${field}.amount`),
    status: payoutStatusFromWire(wire.status),
    date: read.timestamp(wire.date, `${field}.date`),
  };
}

export function mapPayouts(wire: readonly WirePayout[], ctx: MapContext): Payout[] {
  const read = wireReader(ctx);
  return wire.map((row, index) => mapPayout(row, `payouts[${index}]`, read));
}
