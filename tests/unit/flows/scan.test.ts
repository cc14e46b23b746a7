import { describe, expect, it } from 'vitest';
import { FlowAccumulator } from '@/lib/flows/accumulate';
import { planBuckets } from '@/lib/flows/buckets';
import { scanRange } from '@/lib/flows/scan';
import { dateRange } from '@/lib/time/dates';
import { FakeTransactionsApi, history } from '@/tests/support/fake-transactions-api';

// history(): one row per hour back from 2024-03-31T23:30Z, newest first.
describe('scanRange', () => {
  it('skips newer rows, sums the period, and stops at the first older row without fetching further', async () => {
    const api = new FakeTransactionsApi(history(24 * 20));
    const plan = planBuckets('2024-03-25', '2024-03-27', 'day', 'UTC');
    const acc = new FlowAccumulator(plan);
    const result = await scanRange(api, dateRange('2024-03-25', '2024-03-27', 'UTC'), acc, { pageSize: 24 });
    expect(acc.get('USD')?.bucketCounts).toEqual([24, 24, 24]);
    // 4 newer days (96 rows) + 72 in the period + the first older row.
    expect(result.scannedRows).toBe(96 + 72 + 1);
    // Pages of 24: 4 newer, 3 in the period, the page holding the first older row.
    expect(result.providerPages).toBe(8);
    expect(api.calls).toHaveLength(8);
  });

  it('refuses a walk beyond its row limit', async () => {
    const api = new FakeTransactionsApi(history(500));
    const acc = new FlowAccumulator(planBuckets('2024-03-01', '2024-03-31', 'day', 'UTC'));
    await expect(scanRange(api, dateRange('2024-03-01', '2024-03-31', 'UTC'), acc, { pageSize: 50, maxRows: 120 })).rejects.toMatchObject({
      status: 422,
      code: 'period_too_large',
    });
  });

  it('fails when a page fails, without an unobserved rejection', async () => {
    const api = new FakeTransactionsApi(history(200));
    api.failOnCall = 2;
    const acc = new FlowAccumulator(planBuckets('2024-03-01', '2024-03-31', 'day', 'UTC'));
    await expect(scanRange(api, dateRange('2024-03-01', '2024-03-31', 'UTC'), acc, { pageSize: 50 })).rejects.toThrow('provider down');
  });
});
