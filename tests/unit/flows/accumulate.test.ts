import { describe, expect, it } from 'vitest';
import { FlowAccumulator } from '@/lib/flows/accumulate';
import { planBuckets } from '@/lib/flows/buckets';
import { resolvePeriod } from '@/lib/flows/period';
import { reportFlows, type FlowsReportContext } from '@/lib/flows/report';
import type { FlowsDto } from '@/lib/flows/schema';
import { flowsResponseSchema } from '@/lib/flows/schema';
import { SERIES_KEYS, amountSeries, seriesDirection } from '@/lib/flows/series';
import { tx } from './support';
import type { BalanceTransaction } from '@/lib/domain/transaction';

const ZONE = 'America/New_York';
const PERIOD = resolvePeriod({ from: '2026-03-07', to: '2026-03-09' }, ZONE, new Date('2026-04-01T00:00:00Z'));
const PLAN = planBuckets(PERIOD.from, PERIOD.to, PERIOD.granularity, ZONE);

function report(rows: readonly BalanceTransaction[], currency: string | null): FlowsDto {
  const acc = new FlowAccumulator(PLAN);
  for (const row of rows) acc.add(row, Date.parse(row.transactionTime));
  const context: FlowsReportContext = {
    account: 'all',
    accountIds: ['conn_a'],
    failures: [],
    timeZone: ZONE,
    period: PERIOD,
    plan: PLAN,
    scannedRows: rows.length,
    providerPages: 1,
    keptDays: 0,
    generatedAt: new Date('2026-04-01T00:00:00Z'),
  };
  return flowsResponseSchema.parse(reportFlows(acc, currency, context));
}

const DAY1 = '2026-03-07T12:00:00-05:00';
const DAY2 = '2026-03-08T23:30:00-04:00';
const DAY3 = '2026-03-09T00:10:00-04:00';

describe('series of a row', () => {
  it.each([
    ['payment', true, 'payments'],
    ['payment', false, 'other_out'],
    ['refund', false, 'refunds'],
    ['refund', true, 'other_in'],
    ['refund_failure', true, 'other_in'],
    ['chargeback', false, 'chargebacks'],
    ['chargeback_won', true, 'chargebacks_won'],
    ['reserve_held', false, 'reserves_held'],
    ['reserve_released', true, 'reserves_released'],
    ['transfer_in', true, 'transfers_in'],
    ['payout', false, 'payouts'],
    ['payout', true, 'other_in'],
    ['accounting_adjustment', true, 'other_in'],
    ['accounting_adjustment', false, 'other_out'],
    ['other', true, 'other_in'],
    ['other', false, 'other_out'],
  ] as const)('%s with a %s amount goes to %s', (type, positive, series) => {
    expect(amountSeries(type, positive)).toBe(series);
    expect(seriesDirection(series)).toBe(positive ? 'in' : 'out');
  });
});

describe('flow sums', () => {
  const rows = [
    tx({ type: 'payment', amount: '100.00', fee: '-3.20', time: DAY1 }),
    tx({ type: 'payment', amount: '0.10', fee: '-0.30', time: DAY2 }),
    tx({ type: 'refund', amount: '-25.50', time: DAY2 }),
    tx({ type: 'chargeback', amount: '-40.00', fee: '-15.00', time: DAY3 }),
    tx({ type: 'chargeback_won', amount: '40.00', time: DAY3 }),
    tx({ type: 'reserve_held', amount: '-20.00', time: DAY1 }),
    tx({ type: 'reserve_released', amount: '35.00', time: DAY3 }),
    tx({ type: 'accounting_adjustment', amount: '-1.01', time: DAY1 }),
    tx({ type: 'accounting_adjustment', amount: '2.02', time: DAY2 }),
    tx({ type: 'other', rawType: 'fee_reversed', amount: '0.00', fee: '0.37', time: DAY2 }),
    tx({ type: 'payout', amount: '-50.00', time: DAY3 }),
    tx({ type: 'payment', amount: '999.00', fee: '-1.00', currency: 'CAD', time: DAY1 }),
  ];

  it('sums exactly per day and series, and the net is the sum of the rows net', () => {
    const dto = report(rows, 'USD');
    expect(dto.buckets.map((b) => b.count)).toEqual([3, 4, 4]);
    expect(dto.buckets[0]?.series).toMatchObject({ payments: '100.00', fees: '-3.20', reserves_held: '-20.00', other_out: '-1.01' });
    expect(dto.buckets[1]?.series).toMatchObject({ payments: '0.10', fees: '-0.30', refunds: '-25.50', other_in: '2.39' });
    expect(dto.buckets[2]?.series).toMatchObject({
      chargebacks: '-40.00',
      fees: '-15.00',
      chargebacks_won: '40.00',
      reserves_released: '35.00',
      payouts: '-50.00',
    });
    expect(dto.buckets.map((b) => b.net)).toEqual(['75.79', '-23.31', '-30.00']);
    expect(dto.totals.net).toBe('22.48');
    expect(dto.totals.in).toBe('177.49');
    expect(dto.totals.out).toBe('-155.01');
    expect(dto.typeTotals).toEqual({ count: 11, amount: '40.61', fee: '-18.13', net: '22.48' });
  });

  it('never mixes currencies: CAD is its own report, and listed', () => {
    const usd = report(rows, 'USD');
    expect(usd.currencies).toEqual(['USD', 'CAD']);
    const cad = report(rows, 'CAD');
    expect(cad.totals).toMatchObject({ count: 1, in: '999.00', out: '-1.00', net: '998.00' });
    expect(cad.byType).toEqual([{ type: 'payment', rawTypes: [], count: 1, amount: '999.00', fee: '-1.00', net: '998.00' }]);
  });

  it('names the provider types behind "other"', () => {
    const other = report(rows, 'USD').byType.find((row) => row.type === 'other');
    expect(other).toEqual({ type: 'other', rawTypes: ['fee_reversed'], count: 1, amount: '0.00', fee: '0.37', net: '0.37' });
  });

  it('keeps JPY in whole yen', () => {
    const dto = report(
      [
        tx({ type: 'payment', amount: '1200', fee: '-36', currency: 'JPY', time: DAY1 }),
        tx({ type: 'refund', amount: '-600', currency: 'JPY', time: DAY1 }),
      ],
      'JPY',
    );
    expect(dto.totals).toMatchObject({ in: '1200', out: '-636', net: '564' });
    expect(dto.buckets[1]?.net).toBe('0');
  });

  it('stays exact beyond 2^53 minor units', () => {
    const big = '90071992547409.93';
    const dto = report(
      [
        tx({ type: 'payment', amount: big, fee: '-0.01', time: DAY1 }),
        tx({ type: 'payment', amount: big, time: DAY1 }),
        tx({ type: 'transfer_in', amount: '0.01', time: DAY2 }),
      ],
      'USD',
    );
    expect(dto.buckets[0]?.series.payments).toBe('180143985094819.86');
    expect(dto.totals.net).toBe('180143985094819.86');
    expect(dto.sankey.nodes.find((n) => n.key === 'gross_in')?.value).toBe('180143985094819.87');
  });

  it('reports a currency without rows as zeros, and no currency at all when nothing happened', () => {
    const none = report([], null);
    expect(none.currency).toBeNull();
    expect(none.totals.count).toBe(0);
    expect(none.buckets).toHaveLength(3);
    expect(none.sankey).toEqual({ nodes: [], links: [] });
    const gbp = report(rows, 'GBP');
    expect(gbp.totals).toMatchObject({ count: 0, net: '0.00' });
    expect(Object.values(gbp.totals.series).every((v) => v === '0.00')).toBe(true);
  });

  it('draws inflow series at or above zero and outflow series at or below, in every bucket', () => {
    for (const bucket of report(rows, 'USD').buckets) {
      for (const key of SERIES_KEYS) {
        const negative = bucket.series[key].startsWith('-');
        expect(negative && seriesDirection(key) === 'in').toBe(false);
        expect(!negative && seriesDirection(key) === 'out' && !/^0\.00$/.test(bucket.series[key])).toBe(false);
      }
    }
  });
});
