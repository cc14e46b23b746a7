import type { CellKind } from '@/lib/csv/cells';
import { toDecimalString } from '@/lib/domain/money';
import { payoutStatusText } from '@/lib/domain/payout-status';
import type { BalanceTransaction } from '@/lib/domain/transaction';

/**
 * The transaction columns a CSV export can hold, in file order; isomorphic (the dialog lists them).
 * Values are the API's (lib/balance-transactions/dto), computed per chosen column: amounts as exact decimal strings.
 */

export interface ExportColumn {
  /** Header name and the value of the `columns` parameter. */
  readonly key: string;
  readonly label: string;
  readonly kind: CellKind;
  readonly value: (row: BalanceTransaction) => string | null;
  /** For amounts: the currency whose decimals the value has (XLSX number formats). */
  readonly currency?: (row: BalanceTransaction) => string | null;
}

export const EXPORT_COLUMNS = [
  { key: 'id', label: 'Transaction ID', kind: 'id', value: (row) => row.id },
  { key: 'transaction_time', label: 'Transaction time', kind: 'timestamp', value: (row) => row.transactionTime },
  { key: 'type', label: 'Type (as the provider names it)', kind: 'text', value: (row) => row.rawType },
  { key: 'source_type', label: 'Source type', kind: 'text', value: (row) => row.sourceType || null },
  { key: 'amount', label: 'Amount', kind: 'decimal', value: (row) => toDecimalString(row.amount), currency: (row) => row.amount.currency },
  { key: 'fee', label: 'Fee', kind: 'decimal', value: (row) => toDecimalString(row.fee), currency: (row) => row.fee.currency },
  { key: 'net', label: 'Net', kind: 'decimal', value: (row) => toDecimalString(row.net), currency: (row) => row.net.currency },
  { key: 'currency', label: 'Currency', kind: 'text', value: (row) => row.currency },
  {
    key: 'settlement_amount',
    label: 'Settlement amount',
    kind: 'decimal',
    value: (row) => row.settlementAmount && toDecimalString(row.settlementAmount),
    currency: (row) => row.settlementAmount?.currency ?? null,
  },
  { key: 'settlement_currency', label: 'Settlement currency', kind: 'text', value: (row) => row.settlementAmount?.currency ?? null },
  { key: 'exchange_rate', label: 'Exchange rate', kind: 'decimal', value: (row) => row.exchangeRate },
  { key: 'payout_id', label: 'Payout ID', kind: 'id', value: (row) => row.payoutId },
  { key: 'payout_status', label: 'Payout status', kind: 'text', value: (row) => row.payoutStatus && payoutStatusText(row.payoutStatus) },
  { key: 'processed_at', label: 'Processed at', kind: 'timestamp', value: (row) => row.processedAt },
  { key: 'source_order_id', label: 'Order ID', kind: 'id', value: (row) => row.sourceOrderId },
  { key: 'source_order_transaction_id', label: 'Order transaction ID', kind: 'id', value: (row) => row.sourceOrderTransactionId },
  { key: 'source_payment_id', label: 'Payment ID', kind: 'id', value: (row) => row.sourcePaymentId },
] as const satisfies readonly ExportColumn[];

export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]['key'];

export const EXPORT_COLUMN_KEYS: readonly ExportColumnKey[] = EXPORT_COLUMNS.map((column) => column.key);

export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumnKey[] = [
  'id',
  'transaction_time',
  'type',
  'amount',
  'fee',
  'net',
  'currency',
  'payout_id',
  'payout_status',
  'source_order_id',
];

/** Suffix of the companion column that repeats a timestamp in UTC. */
export const UTC_SUFFIX = '_utc';

export function isExportColumnKey(value: string): value is ExportColumnKey {
  return (EXPORT_COLUMN_KEYS as readonly string[]).includes(value);
}

/** Known keys only, deduplicated, in catalog order: equal choices give equal files and URLs. */
export function canonicalColumns(keys: readonly string[]): ExportColumnKey[] {
  return EXPORT_COLUMN_KEYS.filter((key) => keys.includes(key));
}
