import { describe, expect, it } from 'vitest';
import { FlowAccumulator } from '@/lib/flows/accumulate';
import { planBuckets } from '@/lib/flows/buckets';
import { missingRuns } from '@/lib/flows/kept';
import { resolvePeriod } from '@/lib/flows/period';
import { reportFlows, type FlowsReportContext } from '@/lib/flows/report';
import { DayLedger } from '@/lib/kept-days/ledger';
import { lastKeepableDay, SETTLE_DAYS } from '@/lib/kept-days/settle';
import { startOfDay } from '@/lib/time/dates';
import { tx } from './support';

const ZONE = 'America/New_York';
// 2026-03-08 is 23 hours long in New York (DST starts); the rows sit on both sides of every midnight.
const ROWS = [
  tx({ type: 'payout', amount: '-50.00', time: '2026-03-16T00:00:00-04:00' }),
  tx({ type: 'payment', amount: '999.00', fee: '-1.00', currency: 'CAD', time: '2026-03-15T23:59:59-04:00' }),
  tx({ type: 'reserve_released', amount: '35.00', time: '2026-03-09T00:10:00-04:00' }),
  tx({ type: 'chargeback', amount: '-40.00', fee: '-15.00', time: '2026-03-09T00:00:00-04:00' }),
  tx({ type: 'other', rawType: 'fee_reversed', amount: '0.00', fee: '0.37', time: '2026-03-08T23:59:59-04:00' }),
  tx({ type: 'accounting_adjustment', amount: '2.02', time: '2026-03-08T03:00:00-04:00' }),
  tx({ type: 'refund', amount: '-25.50', time: '2026-03-08T01:59:00-05:00' }),
  tx({ type: 'payment', amount: '-0.10', fee: '0.30', time: '2026-03-08T00:00:00-05:00' }),
  tx({ type: 'accounting_adjustment', amount: '-1.01', time: '2026-03-07T23:59:59-05:00' }),
  tx({ type: 'payment', amount: '100.00', fee: '-3.20', time: '2026-03-02T00:00:00-05:00' }),
];

function report(acc: FlowAccumulator, from: string, to: string, currency: string) {
  const period = resolvePeriod({ from, to }, ZONE, new Date('2026-04-01T00:00:00Z'));
  const context: FlowsReportContext = {
    account: 'all',
    accountIds: [],
    failures: [],
    timeZone: ZONE,
    period,
    plan: acc.plan,
    scannedRows: 0,
    providerPages: 0,
    keptDays: 0,
    generatedAt: new Date(0),
  };
  return reportFlows(acc, currency, context);
}

describe('kept day totals', () => {
  it.each([
    ['day', '2026-03-02', '2026-03-16'],
    ['week', '2026-01-01', '2026-03-16'],
  ] as const)('rebuild exactly the report of the rows one by one (%s buckets)', (granularity, from, to) => {
    const plan = planBuckets(from, to, granularity, ZONE);
    const rowByRow = new FlowAccumulator(plan);
    const ledger = new DayLedger(from, to, ZONE);
    for (const row of ROWS) {
      rowByRow.add(row, Date.parse(row.transactionTime));
      ledger.add(row, Date.parse(row.transactionTime));
    }
    const fromDays = new FlowAccumulator(plan);
    for (const day of ledger.result()) fromDays.addDay(day, startOfDay(day.day, ZONE));
    for (const currency of ['USD', 'CAD']) expect(report(fromDays, from, to, currency)).toEqual(report(rowByRow, from, to, currency));
    expect(report(fromDays, from, to, 'USD').totals.count).toBe(9);
  });

  it('cut days at the zone’s midnights, empty days included, with each day’s first and last row of the newest-first list', () => {
    const ledger = new DayLedger('2026-03-07', '2026-03-09', ZONE);
    const counted = ROWS.map((row) => ledger.add(row, Date.parse(row.transactionTime)));
    expect(counted).toEqual([false, false, true, true, true, true, true, true, true, false]);
    const days = ledger.result();
    expect(days.map((d) => [d.day, d.rows])).toEqual([
      ['2026-03-07', 1],
      ['2026-03-08', 4],
      ['2026-03-09', 2],
    ]);
    const [, sunday] = days;
    expect(sunday?.newestId).toBe(ROWS[4]?.id);
    expect(sunday?.oldestId).toBe(ROWS[7]?.id);
    expect(sunday?.oldestAt?.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    // A negative payment amount and a positive fee are kept on their own sides, never netted.
    expect(sunday?.totals.find((t) => t.type === 'payment')).toMatchObject({ count: 1, amountIn: 0n, amountOut: -10n, feeIn: 30n, feeOut: 0n });
    expect(sunday?.totals.find((t) => t.type === 'other')).toMatchObject({ rawType: 'fee_reversed', feeIn: 37n });

    const empty = new DayLedger('2026-03-03', '2026-03-04', ZONE).result();
    expect(empty).toEqual([
      { day: '2026-03-03', rows: 0, newestId: null, oldestId: null, newestAt: null, oldestAt: null, totals: [] },
      { day: '2026-03-04', rows: 0, newestId: null, oldestId: null, newestAt: null, oldestAt: null, totals: [] },
    ]);
  });

  it('are kept only for days older than today and the settle window', () => {
    expect(SETTLE_DAYS).toBeGreaterThanOrEqual(1);
    expect(lastKeepableDay('2026-03-10')).toBe(`2026-03-0${9 - SETTLE_DAYS}`);
  });
});

describe('missingRuns', () => {
  it.each([
    ['nothing kept: one run', [], [['2026-03-01', '2026-03-10']]],
    ['all kept: none', ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'], []],
    ['a kept middle: the newest run first', ['03', '04', '05'], [['2026-03-06', '2026-03-10'], ['2026-03-01', '2026-03-02']]],
    ['kept ends', ['01', '10'], [['2026-03-02', '2026-03-09']]],
    ['gaps of one day', ['02', '04', '05', '06', '07', '08', '09', '10'], [['2026-03-03', '2026-03-03'], ['2026-03-01', '2026-03-01']]],
  ])('%s', (_name, kept, runs) => {
    expect(missingRuns('2026-03-01', '2026-03-10', new Set(kept.map((d) => `2026-03-${d}`)))).toEqual(runs);
  });
});
