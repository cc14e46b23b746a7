import { TRANSACTION_TYPES, type TransactionType } from '@/lib/domain/transaction';

/**
 * The money-flow series. Every row's amount and fee land in exactly one series each, chosen by type and
 * sign, so inflow series only ever hold positive sums and outflow series negative ones (bars never cross
 * zero) and the sum of all series is the sum of the rows' net.
 */

export const INFLOW_SERIES = ['payments', 'transfers_in', 'chargebacks_won', 'reserves_released', 'other_in'] as const;
export const OUTFLOW_SERIES = ['refunds', 'chargebacks', 'fees', 'reserves_held', 'payouts', 'other_out'] as const;
export const SERIES_KEYS = [...INFLOW_SERIES, ...OUTFLOW_SERIES] as const;

export type InflowSeries = (typeof INFLOW_SERIES)[number];
export type OutflowSeries = (typeof OUTFLOW_SERIES)[number];
export type SeriesKey = (typeof SERIES_KEYS)[number];
export type SeriesDirection = 'in' | 'out';

export const FLOW_TYPES = [...TRANSACTION_TYPES, 'other'] as const satisfies readonly TransactionType[];

export function seriesDirection(key: SeriesKey): SeriesDirection {
  return (INFLOW_SERIES as readonly string[]).includes(key) ? 'in' : 'out';
}

/** The series a type's amount belongs to when its sign is the expected one; null: by sign alone. */
export function naturalSeries(type: TransactionType): SeriesKey | null {
  switch (type) {
    case 'payment':
      return 'payments';
    case 'transfer_in':
      return 'transfers_in';
    case 'chargeback_won':
      return 'chargebacks_won';
    case 'reserve_released':
      return 'reserves_released';
    case 'refund_failure':
      return 'other_in';
    case 'refund':
      return 'refunds';
    case 'chargeback':
      return 'chargebacks';
    case 'reserve_held':
      return 'reserves_held';
    case 'payout':
      return 'payouts';
    case 'accounting_adjustment':
    case 'other':
      return null;
    default: {
      const unreachable: never = type;
      throw new Error(`unhandled type ${String(unreachable)}`);
    }
  }
}

/** Where a non-zero amount of `type` goes: its natural series if the sign fits, else "other in/out". */
export function amountSeries(type: TransactionType, positive: boolean): SeriesKey {
  const natural = naturalSeries(type);
  if (natural !== null && (seriesDirection(natural) === 'in') === positive) return natural;
  return positive ? 'other_in' : 'other_out';
}

/** Charged fees (negative) are "fees"; refunded fees (positive, e.g. fee_reversed) are "other in". */
export function feeSeries(positive: boolean): SeriesKey {
  return positive ? 'other_in' : 'fees';
}

export const SERIES_INDEX: Readonly<Record<SeriesKey, number>> = Object.fromEntries(
  SERIES_KEYS.map((key, index) => [key, index]),
) as Record<SeriesKey, number>;

export const TYPE_INDEX: Readonly<Record<TransactionType, number>> = Object.fromEntries(
  FLOW_TYPES.map((type, index) => [type, index]),
) as Record<TransactionType, number>;

/** Series index per type and sign, computed once: [positive, negative]. */
export const AMOUNT_SERIES_INDEX: Readonly<Record<TransactionType, readonly [number, number]>> = Object.fromEntries(
  FLOW_TYPES.map((type) => [type, [SERIES_INDEX[amountSeries(type, true)], SERIES_INDEX[amountSeries(type, false)]]]),
) as unknown as Record<TransactionType, readonly [number, number]>;

export const FEE_SERIES_INDEX = { positive: SERIES_INDEX.other_in, negative: SERIES_INDEX.fees } as const;
