import { describe, expect, it } from 'vitest';
import type { BalanceTransaction, ProviderPage } from '@/lib/domain/transaction';
import { FlowAccumulator } from '@/lib/flows/accumulate';
import { planBuckets } from '@/lib/flows/buckets';
import { MAX_RANGE_DAYS } from '@/lib/flows/period';
import { flowsQuerySchema } from '@/lib/flows/query';
import { maxScanPages, scanRange } from '@/lib/flows/scan';
import type { TransactionListInput, TransactionsApi } from '@/lib/providers/types';
import { dateRange } from '@/lib/time/dates';

/** A provider that answers every page with no rows and yet another cursor, for ever. */
class EndlessEmptyPages implements TransactionsApi {
  readonly maxPageSize = 100;
  calls = 0;
  async listTransactions(input: TransactionListInput): Promise<ProviderPage<BalanceTransaction>> {
    void input;
    this.calls += 1;
    return { items: [], nextCursor: `page-${this.calls}`, previousCursor: null };
  }
}

describe('flows: every loop has a bound taken from its input', () => {
  it('refuses year 9999 ranges at the query, the URL that used to hang the server', () => {
    const result = flowsQuerySchema.safeParse({ from: '9999-01-01', to: '9999-12-31' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['from']);
  });

  it('plans one bucket per day up to MAX_RANGE_DAYS and refuses a longer plan instead of looping', () => {
    expect(planBuckets('2024-01-01', '2024-12-31', 'day', 'UTC').spans).toHaveLength(366);
    expect(() => planBuckets('2023-01-01', '2024-12-31', 'day', 'UTC')).toThrow(`at most ${MAX_RANGE_DAYS} days`);
    // The days are counted, so even a range ending on 9999-12-31 ends: it fails when stepping past the last day.
    expect(() => planBuckets('9999-01-01', '9999-12-31', 'day', 'UTC')).toThrow(RangeError);
  });

  it('stops a scan of endless empty pages at 2 x maxRows / pageSize + 1 pages', async () => {
    const api = new EndlessEmptyPages();
    const acc = new FlowAccumulator(planBuckets('2024-03-01', '2024-03-31', 'day', 'UTC'));
    const scan = scanRange(api, dateRange('2024-03-01', '2024-03-31', 'UTC'), acc, { pageSize: 100, maxRows: 1_000 });
    await expect(scan).rejects.toMatchObject({ status: 422, code: 'period_too_large' });
    expect(maxScanPages(1_000, 100)).toBe(21);
    expect(api.calls).toBe(21);
  });
});
