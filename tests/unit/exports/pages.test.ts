import { describe, expect, it } from 'vitest';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { fetchKept, pagesAhead, type Sifted } from '@/lib/exports/pages';
import { dateRange } from '@/lib/time/dates';
import { transactionSource } from '@/lib/balance-transactions/source';
import type { WalkSource } from '@/lib/paging/walk';
import { FakeTransactionsApi, history } from '@/tests/support/fake-transactions-api';

async function collect<T>(pages: AsyncIterable<Sifted<T>>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const page of pages) out.push(page.kept);
  return out;
}

const ticks = () => new Promise((resolve) => setTimeout(resolve, 10));

function walk<T>(source: WalkSource<T>, ahead = 1, signal?: AbortSignal) {
  return pagesAhead((cursor, early) => fetchKept(source, cursor, early), { cursor: null, ahead, signal });
}

describe('pagesAhead', () => {
  it('reads every provider page to the end of the list', async () => {
    const rows = history(35);
    const api = new FakeTransactionsApi(rows);
    const pages = await collect(walk(transactionSource(api, { range: {} }, { pageSize: 10 })));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 5]);
    expect(pages.flat().map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(api.calls.length).toBe(4);
  });

  it('keeps only the view’s rows and stops at the first row older than the range', async () => {
    const rows = history(100);
    const api = new FakeTransactionsApi(rows);
    const range = dateRange('2024-03-30', '2024-03-30', 'UTC');
    const source = transactionSource(api, { range, types: ['payment'] }, { pageSize: 10 });
    const kept = (await collect(walk(source))).flat();
    const expected = rows.filter((r) => r.transactionTime.startsWith('2024-03-30') && r.type === 'payment');
    expect(kept.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    // 24 hourly rows of the 30th start at row 24 and end at row 47: pages 3–5, nothing after.
    expect(api.calls.length).toBe(5);
  });

  it('starts from a stored cursor: the rest of the list, nothing before it', async () => {
    const rows = history(35);
    const source = transactionSource(new FakeTransactionsApi(rows), { range: {} }, { pageSize: 10 });
    const first = await fetchKept(source, null);
    const rest = await collect(pagesAhead((cursor) => fetchKept(source, cursor), { cursor: first.next, ahead: 2 }));
    expect([first.kept, ...rest].flat().map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('asks for up to `ahead` pages while the reader works on one, and no further until it reads on', async () => {
    for (const ahead of [1, 2]) {
      const api = new FakeTransactionsApi(history(100));
      const pages = walk(transactionSource(api, { range: {} }, { pageSize: 10 }), ahead);
      await ticks();
      expect(api.calls.length).toBe(0);
      await pages.next();
      await ticks();
      expect(api.calls.length).toBe(1 + ahead);
      await pages.next();
      await ticks();
      expect(api.calls.length).toBe(2 + ahead);
      await pages.return?.();
      await ticks();
      expect(api.calls.length).toBe(2 + ahead);
    }
  });

  it('asks for the next page as soon as the provider names its cursor, before this page has been read', async () => {
    const requested: (string | null)[] = [];
    const bodies = new Map<string | null, () => void>();
    const source: WalkSource<BalanceTransaction> = {
      fetchPage: (cursor, onNextCursor) => {
        requested.push(cursor);
        const next = cursor === null ? 'p2' : cursor === 'p2' ? 'p3' : null;
        onNextCursor?.(next);
        return new Promise((resolve) => bodies.set(cursor, () => resolve({ items: history(1), nextCursor: next, previousCursor: null })));
      },
      idOf: (row) => row.id,
      classify: () => 'keep',
      filtersLocally: false,
    };
    const pages = walk(source, 2);
    const first = pages.next();
    await ticks();
    // No page's body is in yet, and pages 2 and 3 are asked for already: two ahead of the reader's.
    expect(requested).toEqual([null, 'p2', 'p3']);
    for (const cursor of [null, 'p2', 'p3']) bodies.get(cursor)?.();
    expect((await first).value?.next).toBe('p2');
    expect((await pages.next()).value?.next).toBe('p3');
    expect((await pages.next()).value?.next).toBeNull();
    expect((await pages.next()).done).toBe(true);
    expect(requested).toEqual([null, 'p2', 'p3']);
  });

  it('drops a page asked for past the end of a view that ends inside the page before it', async () => {
    const rows = history(30);
    const api = new FakeTransactionsApi(rows);
    const range = dateRange('2024-03-31', '2024-03-31', 'UTC');
    const source = transactionSource(api, { range }, { pageSize: 10 });
    const kept = (await collect(walk(source, 2))).flat();
    expect(kept.map((r) => r.id)).toEqual(rows.filter((r) => r.transactionTime.startsWith('2024-03-31')).map((r) => r.id));
  });

  it('stops paging when its signal aborts', async () => {
    const api = new FakeTransactionsApi(history(100));
    const controller = new AbortController();
    const pages = walk(transactionSource(api, { range: {} }, { pageSize: 10 }), 2, controller.signal);
    await pages.next();
    controller.abort(new Error('cancelled'));
    await expect(collect(pages)).rejects.toThrow();
    const calls = api.calls.length;
    await ticks();
    expect(api.calls.length).toBe(calls);
  });

  it('fails on a provider that repeats its cursor instead of looping forever', async () => {
    const source: WalkSource<BalanceTransaction> = {
      fetchPage: async () => ({ items: history(1), nextCursor: 'same', previousCursor: null }),
      idOf: (row) => row.id,
      classify: () => 'keep',
      filtersLocally: false,
    };
    await expect(collect(walk(source))).rejects.toThrow('same page cursor twice');
  });

  it('passes a provider failure on to the reader', async () => {
    const api = new FakeTransactionsApi(history(50));
    api.failOnCall = 3;
    const pages = walk(transactionSource(api, { range: {} }, { pageSize: 10 }));
    await pages.next();
    await pages.next();
    await expect(pages.next()).rejects.toThrow('provider down');
  });
});
