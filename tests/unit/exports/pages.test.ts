import { describe, expect, it } from 'vitest';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { exportPages } from '@/lib/exports/pages';
import { dateRange } from '@/lib/time/dates';
import { transactionSource } from '@/lib/balance-transactions/source';
import type { WalkSource } from '@/lib/paging/walk';
import { FakeTransactionsApi, history } from '@/tests/support/fake-transactions-api';

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('exportPages', () => {
  it('reads every provider page to the end of the list', async () => {
    const rows = history(35);
    const api = new FakeTransactionsApi(rows);
    const counter = { pages: 0, rows: 0 };
    const pages = await collect(exportPages(transactionSource(api, { range: {} }, { pageSize: 10 }), counter));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 5]);
    expect(pages.flat().map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(counter).toEqual({ pages: 4, rows: 35 });
  });

  it('keeps only the view’s rows and stops at the first row older than the range', async () => {
    const rows = history(100);
    const api = new FakeTransactionsApi(rows);
    const range = dateRange('2024-03-30', '2024-03-30', 'UTC');
    const source = transactionSource(api, { range, types: ['payment'] }, { pageSize: 10 });
    const kept = (await collect(exportPages(source))).flat();
    const expected = rows.filter((r) => r.transactionTime.startsWith('2024-03-30') && r.type === 'payment');
    expect(kept.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    // 24 hourly rows of the 30th start at row 24 and end at row 47: pages 3–5, nothing after.
    expect(api.calls.length).toBe(5);
  });

  it('asks for the next page while the caller works on this one, and no further until asked', async () => {
    const api = new FakeTransactionsApi(history(50));
    const pages = exportPages(transactionSource(api, { range: {} }, { pageSize: 10 }));
    expect(api.calls.length).toBe(0);
    await pages.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(api.calls.length).toBe(2);
    await pages.next();
    expect(api.calls.length).toBe(3);
    await pages.return?.();
    expect(api.calls.length).toBe(3);
  });

  it('fails on a provider that repeats its cursor instead of looping forever', async () => {
    const source: WalkSource<BalanceTransaction> = {
      fetchPage: async () => ({ items: history(1), nextCursor: 'same', previousCursor: null }),
      idOf: (row) => row.id,
      classify: () => 'keep',
      filtersLocally: false,
    };
    await expect(collect(exportPages(source))).rejects.toThrow('same page cursor twice');
  });

  it('passes a provider failure on to the reader', async () => {
    const api = new FakeTransactionsApi(history(50));
    api.failOnCall = 3;
    const pages = exportPages(transactionSource(api, { range: {} }, { pageSize: 10 }));
    await pages.next();
    await pages.next();
    await expect(pages.next()).rejects.toThrow('provider down');
  });
});
