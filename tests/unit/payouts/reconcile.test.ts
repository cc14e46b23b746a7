import { describe, expect, it } from 'vitest';
import { toCurrency } from '@/lib/domain/currencies';
import { parseMoney } from '@/lib/domain/money';
import type { BalanceTransaction, Payout, TransactionType } from '@/lib/domain/transaction';
import { categoryOf, summarizePayout, toSummaryDto } from '@/lib/payouts/reconcile';

type Line = [type: TransactionType, amount: string, fee: string, currency?: string];

function rows(lines: readonly Line[], payoutCurrency: string): BalanceTransaction[] {
  return lines.map(([type, amount, fee, code = payoutCurrency], i) => {
    const currency = toCurrency(code);
    const a = parseMoney(amount, currency);
    const f = parseMoney(fee, currency);
    return {
      id: String(1000 - i),
      type,
      rawType: type === 'other' ? 'fee_reversed' : type,
      sourceType: type,
      amount: a,
      fee: f,
      net: { minor: a.minor + f.minor, currency },
      currency,
      settlementAmount: a,
      exchangeRate: null,
      payoutId: '77',
      payoutStatus: 'completed',
      transactionTime: '2024-03-01T10:00:00+08:00',
      processedAt: null,
      sourceOrderId: null,
      sourceOrderTransactionId: null,
      sourcePaymentId: null,
    };
  });
}

function payout(amount: string, code: string, status: Payout['status'] = 'completed'): Payout {
  return { id: '77', amount: parseMoney(amount, toCurrency(code)), status, date: '2024-03-02T09:00:00+08:00' };
}

const USD_LINES: Line[] = [
  ['payout', '-170.78', '0.00'],
  ['payment', '100.00', '-3.20'],
  ['payment', '59.99', '-2.04'],
  ['refund', '-20.00', '0.00'],
  ['refund_failure', '5.00', '0.00'],
  ['chargeback', '-30.00', '-15.00'],
  ['chargeback_won', '30.00', '0.00'],
  ['reserve_held', '-40.00', '0.00'],
  ['reserve_released', '60.00', '0.00'],
  ['accounting_adjustment', '-1.13', '0.00'],
  ['transfer_in', '25.00', '0.00'],
  ['other', '0.00', '2.16'],
];

describe('summarizePayout', () => {
  it('totals each category exactly and reconciles', () => {
    const summary = toSummaryDto(summarizePayout(payout('170.78', 'USD'), rows(USD_LINES, 'USD')));
    expect(summary.totals).toEqual({
      currency: 'USD',
      payments: '159.99',
      refunds: '-15.00',
      chargebacks: '0.00',
      fees: '-18.08',
      reserves: '20.00',
      adjustments: '-1.13',
      other: '25.00',
      net: '170.78',
    });
    expect(summary.reconciliation).toEqual({
      currency: 'USD',
      transactionsNet: '170.78',
      payoutAmount: '170.78',
      difference: '0.00',
      addsUp: true,
      reconciled: true,
      verdict: 'reconciled',
      explaining: [],
    });
    expect(summary.otherCurrencies).toEqual([]);
  });

  it('shows a one-cent difference exactly', () => {
    const summary = toSummaryDto(summarizePayout(payout('170.79', 'USD'), rows(USD_LINES, 'USD')));
    expect(summary.reconciliation).toMatchObject({ difference: '-0.01', reconciled: false });
  });

  it('names the listed rows that explain a difference: the row whose net it is, and the payout line', () => {
    const summary = toSummaryDto(summarizePayout(payout('73.98', 'USD'), rows(USD_LINES, 'USD')));
    expect(summary.reconciliation).toMatchObject({ difference: '96.80', verdict: 'difference', reconciled: false });
    expect(summary.reconciliation.explaining).toEqual([
      { id: '1000', type: 'payout', net: '-170.78', reason: 'payout_line_differs' },
      { id: '999', type: 'payment', net: '96.80', reason: 'net_is_difference' },
    ]);
  });

  it('names a payout line that is not the payout amount', () => {
    const summary = toSummaryDto(summarizePayout(payout('170.77', 'USD'), rows(USD_LINES, 'USD')));
    expect(summary.reconciliation.explaining).toEqual([{ id: '1000', type: 'payout', net: '-170.78', reason: 'payout_line_differs' }]);
  });

  it('the payout state leads: a failed payout is never reconciled, one on its way is not yet', () => {
    const cases = [
      ['completed', 'reconciled', true],
      ['failed', 'returned_to_balance', false],
      ['in_progress', 'adds_up_in_transit', false],
      ['accepted_by_bank', 'adds_up_in_transit', false],
      ['retrying', 'adds_up_in_transit', false],
      [null, 'adds_up_in_transit', false],
    ] as const;
    for (const [status, verdict, reconciled] of cases) {
      const summary = toSummaryDto(summarizePayout(payout('170.78', 'USD', status), rows(USD_LINES, 'USD')));
      expect(summary.reconciliation, String(status)).toMatchObject({ addsUp: true, verdict, reconciled });
    }
    const failedShort = toSummaryDto(summarizePayout(payout('170.79', 'USD', 'failed'), rows(USD_LINES, 'USD')));
    expect(failedShort.reconciliation).toMatchObject({ addsUp: false, verdict: 'returned_to_balance', difference: '-0.01' });
  });

  it('shows the missing row as the difference when one is dropped', () => {
    const withoutOne = rows(USD_LINES, 'USD').filter((row) => row.amount.minor !== 5999n);
    const summary = toSummaryDto(summarizePayout(payout('170.78', 'USD'), withoutOne));
    expect(summary.reconciliation).toMatchObject({ transactionsNet: '112.83', difference: '-57.95', reconciled: false });
  });

  it('works in JPY without decimals', () => {
    const lines: Line[] = [
      ['payout', '-9455', '0'],
      ['payment', '10000', '-360'],
      ['payment', '1', '0'],
      ['refund', '-186', '0'],
    ];
    const summary = toSummaryDto(summarizePayout(payout('9455', 'JPY'), rows(lines, 'JPY')));
    expect(summary.totals).toMatchObject({ payments: '10001', refunds: '-186', fees: '-360', net: '9455' });
    expect(summary.reconciliation).toMatchObject({ difference: '0', reconciled: true });
    const short = toSummaryDto(summarizePayout(payout('9456', 'JPY'), rows(lines, 'JPY')));
    expect(short.reconciliation).toMatchObject({ difference: '-1', reconciled: false });
  });

  it('never adds rows of another currency: they are reported apart', () => {
    const lines: Line[] = [
      ['payment', '100.00', '-3.20'],
      ['payment', '80.00', '-2.00', 'CAD'],
      ['refund', '-10.00', '0.00', 'CAD'],
      ['payment', '5000', '0', 'JPY'],
    ];
    const summary = toSummaryDto(summarizePayout(payout('96.80', 'USD'), rows(lines, 'USD')));
    expect(summary.reconciliation).toMatchObject({ transactionsNet: '96.80', reconciled: true });
    expect(summary.otherCurrencies).toEqual([
      { currency: 'CAD', count: 2, net: '68.00' },
      { currency: 'JPY', count: 1, net: '5000' },
    ]);
  });

  it('keeps amounts beyond 2^53 minor units exact', () => {
    const lines: Line[] = [
      ['payment', '90071992547409.93', '-0.01'],
      ['payment', '0.01', '0.00'],
    ];
    const summary = toSummaryDto(summarizePayout(payout('90071992547409.93', 'USD'), rows(lines, 'USD')));
    expect(summary.totals.payments).toBe('90071992547409.94');
    expect(summary.reconciliation.reconciled).toBe(true);
  });
});

describe('categoryOf', () => {
  it.each<[TransactionType, string | null]>([
    ['payment', 'payments'],
    ['refund', 'refunds'],
    ['refund_failure', 'refunds'],
    ['chargeback', 'chargebacks'],
    ['chargeback_won', 'chargebacks'],
    ['reserve_held', 'reserves'],
    ['reserve_released', 'reserves'],
    ['accounting_adjustment', 'adjustments'],
    ['transfer_in', 'other'],
    ['other', 'other'],
    ['payout', null],
  ])('%s -> %s', (type, category) => {
    expect(categoryOf(type)).toBe(category);
  });
});
