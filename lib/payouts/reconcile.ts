import type { CurrencyCode } from '@/lib/domain/currencies';
import { add, subtract, toDecimalString, zero, type Money } from '@/lib/domain/money';
import type { BalanceTransaction, Payout, TransactionType } from '@/lib/domain/transaction';
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

export interface Reconciliation {
  readonly transactionsNet: Money;
  readonly payoutAmount: Money;
  /** transactionsNet - payoutAmount. */
  readonly difference: Money;
  readonly reconciled: boolean;
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
  return {
    totals,
    reconciliation: { transactionsNet: totals.net, payoutAmount: payout.amount, difference, reconciled: difference.minor === 0n },
    otherCurrencies: [...foreign.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
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
      reconciled: reconciliation.reconciled,
    },
    otherCurrencies: summary.otherCurrencies.map((rows) => ({
      currency: rows.currency,
      count: rows.count,
      net: toDecimalString(rows.net),
    })),
  };
}
