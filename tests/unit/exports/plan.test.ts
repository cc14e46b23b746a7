import { describe, expect, it } from 'vitest';
import { toCurrency } from '@/lib/domain/currencies';
import { parseMoney } from '@/lib/domain/money';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { EXPORT_COLUMN_KEYS } from '@/lib/exports/columns';
import { exportPlan } from '@/lib/exports/plan';

const USD = toCurrency('USD');
const JPY = toCurrency('JPY');

const ROW: BalanceTransaction = {
  id: '202206161756376480011100000',
  type: 'other',
  rawType: '=cmd|/C calc!A0',
  sourceType: '@source',
  amount: parseMoney('-12.5', USD),
  fee: parseMoney('-0.76', USD),
  net: parseMoney('-13.26', USD),
  currency: USD,
  settlementAmount: parseMoney('-1900', JPY),
  exchangeRate: '1.3000000000',
  payoutId: '202206161756376480011199999',
  payoutStatus: 'in_progress',
  transactionTime: '2024-11-03T01:30:00-05:00',
  processedAt: null,
  sourceOrderId: '+8125010231',
  sourceOrderTransactionId: '0012',
  sourcePaymentId: '123456789012345',
};

const record = (header: readonly string[], cells: string[]) => Object.fromEntries(header.map((name, i) => [name, cells[i]]));

describe('exportPlan: every column type', () => {
  const plan = exportPlan({ columns: EXPORT_COLUMN_KEYS, timeZone: 'UTC', longIds: 'text' });
  const cells = record(plan.header, plan.encode(ROW));

  it('has one header per column in catalog order, without _utc companions in UTC', () => {
    expect(plan.header).toEqual(EXPORT_COLUMN_KEYS);
  });

  it('neutralises formulas in text columns', () => {
    expect(cells.type).toBe("'=cmd|/C calc!A0");
    expect(cells.source_type).toBe("'@source");
  });

  it('keeps numeric columns numeric and exact in the currency’s decimals, negative values included', () => {
    expect(cells.amount).toBe('-12.50');
    expect(cells.settlement_amount).toBe('-1900');
    expect(cells.settlement_currency).toBe('JPY');
    expect(cells.fee).toBe('-0.76');
    expect(cells.net).toBe('-13.26');
    expect(cells.exchange_rate).toBe('1.3000000000');
  });

  it('marks long and zero-led ids as text and neutralises formula-like ids', () => {
    expect(cells.id).toBe("'202206161756376480011100000");
    expect(cells.payout_id).toBe("'202206161756376480011199999");
    expect(cells.source_order_transaction_id).toBe("'0012");
    expect(cells.source_payment_id).toBe('123456789012345');
    expect(cells.source_order_id).toBe("'+8125010231");
  });

  it('writes missing values as empty cells', () => {
    const empty = record(plan.header, plan.encode({ ...ROW, settlementAmount: null, sourceType: '', payoutId: null }));
    expect([empty.settlement_amount, empty.settlement_currency, empty.source_type, empty.payout_id, empty.processed_at]).toEqual(['', '', '', '', '']);
  });

  it('writes timestamps in the zone, enums as their value', () => {
    expect(cells.transaction_time).toBe('2024-11-03 06:30:00');
    expect(cells.payout_status).toBe('in_progress');
    expect(cells.currency).toBe('USD');
  });
});

describe('exportPlan: time zones', () => {
  it('adds a _utc companion after each timestamp column in another zone (fall-back night in New York)', () => {
    const plan = exportPlan({ columns: ['id', 'transaction_time', 'processed_at'], timeZone: 'America/New_York', longIds: 'plain' });
    expect(plan.header).toEqual(['id', 'transaction_time', 'transaction_time_utc', 'processed_at', 'processed_at_utc']);
    const first = plan.encode({ ...ROW, transactionTime: '2024-11-03T01:30:00-04:00', processedAt: '2024-11-03T01:30:00-05:00' });
    expect(first).toEqual([ROW.id, '2024-11-03 01:30:00', '2024-11-03 05:30:00', '2024-11-03 01:30:00', '2024-11-03 06:30:00']);
  });

  it('converts a spring-forward instant in Berlin (2024-03-31) and a provider offset of +08:00', () => {
    const plan = exportPlan({ columns: ['transaction_time'], timeZone: 'Europe/Berlin', longIds: 'text' });
    expect(plan.encode({ ...ROW, transactionTime: '2024-03-31T08:59:59+08:00' })).toEqual(['2024-03-31 01:59:59', '2024-03-31 00:59:59']);
    expect(plan.encode({ ...ROW, transactionTime: '2024-03-31T09:00:00+08:00' })).toEqual(['2024-03-31 03:00:00', '2024-03-31 01:00:00']);
  });

  it('keeps only the chosen columns, in catalog order whatever order they were chosen in', () => {
    const plan = exportPlan({ columns: ['net', 'id'], timeZone: 'UTC', longIds: 'plain' });
    expect(plan.header).toEqual(['id', 'net']);
    expect(plan.encode(ROW)).toEqual([ROW.id, '-13.26']);
  });
});
