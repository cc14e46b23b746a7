import { compareCodes } from '@/lib/format/numbers';
import type { CurrencyCode } from '@/lib/domain/currencies';
import { add, equals, negate, subtract, toDecimalString, zero, type Money } from '@/lib/domain/money';
import type { BalanceTransaction, Payout, ReportedPayoutStatus, TransactionType } from '@/lib/domain/transaction';
import type { PayoutDetailDto } from './schema';

/** Totals of a payout's transactions and whether they add up to it; exact, pure. */

export type AmountCategory = 'payments' | 'refunds' | 'chargebacks' | 'reserves' | 'adjustments' | 'other';

/** The category of a row's amount; null for the payout's own line. Transfers in count as 'other'. */
export function categoryOf(type: TransactionType): AmountCategory | null {
  switch (type) {
    case 'payment':
      return 'payments';
    case 'refund':
    case 'refund_failure':
      return 'refunds';
    case 'chargeback':
    case 'chargeback_won':
      return 'chargebacks';
    case 'reserve_held':
    case 'reserve_released':
      return 'reserves';
    case 'accounting_adjustment':
      return 'adjustments';
    case 'transfer_in':
    case 'other':
      return 'other';
    case 'payout':
      return null;
    default: {
      const unreachable: never = type;
      throw new Error(`Unhandled transaction type ${String(unreachable)}`);
    }
  }
}

export type PayoutTotals = Record<AmountCategory | 'fees' | 'net', Money> & { readonly currency: CurrencyCode };

export type ReconciliationVerdict = 'reconciled' | 'adds_up_in_transit' | 'difference' | 'returned_to_balance';

export interface ExplainingRow {
  readonly row: BalanceTransaction;
  readonly reason: 'net_is_difference' | 'payout_line_differs';
}

export interface Reconciliation {
  readonly transactionsNet: Money;
  readonly payoutAmount: Money;
  /** transactionsNet - payoutAmount. */
  readonly difference: Money;
  readonly addsUp: boolean;
  readonly verdict: ReconciliationVerdict;
  readonly explaining: readonly ExplainingRow[];
}

/**
 * The payout's state comes first: a failed payout's money went back to the balance, so it is never
 * reconciled however its rows add up; one still on its way adds up but is not reconciled yet.
 */
/** An undocumented status is never read as completed: its payout is at most on its way. */
export function verdictOf(status: ReportedPayoutStatus | null, addsUp: boolean): ReconciliationVerdict {
  if (status === 'failed') return 'returned_to_balance';
  if (!addsUp) return 'difference';
  return status === 'completed' ? 'reconciled' : 'adds_up_in_transit';
}

/** Listed rows that account for the difference: one whose net is exactly it, or a payout line unlike the payout. */
function explainingRows(payout: Payout, rows: readonly BalanceTransaction[], difference: Money): ExplainingRow[] {
  if (difference.minor === 0n) return [];
  const currency = payout.amount.currency;
  const found: ExplainingRow[] = [];
  for (const row of rows) {
    if (row.currency !== currency) continue;
    if (row.type === 'payout') {
      if (!equals(negate(row.net), payout.amount)) found.push({ row, reason: 'payout_line_differs' });
    } else if (equals(row.net, difference)) {
      found.push({ row, reason: 'net_is_difference' });
    }
  }
  return found.slice(0, 20);
}

export interface ForeignRows {
  readonly currency: CurrencyCode;
  readonly count: number;
  readonly net: Money;
}

export interface PayoutSummary {
  readonly totals: PayoutTotals;
  readonly reconciliation: Reconciliation;
  readonly otherCurrencies: ForeignRows[];
}

/**
 * Reconciliation rule: the payout's own `payout` line (listed under its payout_id with net = -amount)
 * is left out, and the net of every other row in the payout's currency must add up to the payout amount.
 */
export function summarizePayout(payout: Payout, rows: readonly BalanceTransaction[]): PayoutSummary {
  const currency = payout.amount.currency;
  const totals: PayoutTotals = {
    currency,
    payments: zero(currency),
    refunds: zero(currency),
    chargebacks: zero(currency),
    fees: zero(currency),
    reserves: zero(currency),
    adjustments: zero(currency),
    other: zero(currency),
    net: zero(currency),
  };
  const foreign = new Map<CurrencyCode, ForeignRows>();
  for (const row of rows) {
    if (row.currency !== currency) {
      const seen = foreign.get(row.currency);
      foreign.set(row.currency, {
        currency: row.currency,
        count: (seen?.count ?? 0) + 1,
        net: seen ? add(seen.net, row.net) : row.net,
      });
      continue;
    }
    const category = categoryOf(row.type);
    if (category === null) continue;
    totals[category] = add(totals[category], row.amount);
    totals.fees = add(totals.fees, row.fee);
    totals.net = add(totals.net, row.net);
  }
  const difference = subtract(totals.net, payout.amount);
  const addsUp = difference.minor === 0n;
  return {
    totals,
    reconciliation: {
      transactionsNet: totals.net,
      payoutAmount: payout.amount,
      difference,
      addsUp,
      verdict: verdictOf(payout.status, addsUp),
      explaining: explainingRows(payout, rows, difference),
    },
    otherCurrencies: [...foreign.values()].sort((a, b) => compareCodes(a.currency, b.currency)),
  };
}

type SummaryDto = Pick<PayoutDetailDto, 'otherCurrencies'> & {
  totals: NonNullable<PayoutDetailDto['totals']>;
  reconciliation: NonNullable<PayoutDetailDto['reconciliation']>;
};

export function toSummaryDto(summary: PayoutSummary): SummaryDto {
  const { totals, reconciliation } = summary;
  return {
    totals: {
      currency: totals.currency,
      payments: toDecimalString(totals.payments),
      refunds: toDecimalString(totals.refunds),
      chargebacks: toDecimalString(totals.chargebacks),
      fees: toDecimalString(totals.fees),
      reserves: toDecimalString(totals.reserves),
      adjustments: toDecimalString(totals.adjustments),
      other: toDecimalString(totals.other),
      net: toDecimalString(totals.net),
    },
    reconciliation: {
      currency: totals.currency,
      transactionsNet: toDecimalString(reconciliation.transactionsNet),
      payoutAmount: toDecimalString(reconciliation.payoutAmount),
      difference: toDecimalString(reconciliation.difference),
      addsUp: reconciliation.addsUp,
      reconciled: reconciliation.verdict === 'reconciled',
      verdict: reconciliation.verdict,
      explaining: reconciliation.explaining.map(({ row, reason }) => ({ id: row.id, type: row.type, net: toDecimalString(row.net), reason })),
    },
    otherCurrencies: summary.otherCurrencies.map((rows) => ({
      currency: rows.currency,
      count: rows.count,
      net: toDecimalString(rows.net),
    })),
  };
}
