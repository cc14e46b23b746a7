import { describe, expect, it } from 'vitest';
import type { BalanceTransaction, ProviderPage, RowSink } from '@/lib/domain/transaction';
import { fetchKept, fetchKeptEncoded, pagesAhead, type Sifted, type SiftedBytes } from '@/lib/exports/pages';
import type { TransactionListInput } from '@/lib/providers/types';
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

/** The fake list, also handing rows over as it "reads" them; `retryFirstPageAfter` rows: the first page's read fails there once and starts over. */
class StreamingTransactionsApi extends FakeTransactionsApi {
  retryFirstPageAfter: number | null = null;

  async listTransactionsInto(input: TransactionListInput, sink: RowSink<BalanceTransaction>): Promise<ProviderPage<never>> {
    const page = await this.listTransactions(input);
    const retryAt = input.cursor === undefined ? this.retryFirstPageAfter : null;
    this.retryFirstPageAfter = null;
    if (retryAt !== null) {
      sink.restart();
      page.items.slice(0, retryAt).forEach((row) => sink.add(row));
    }
    sink.restart();
    page.items.forEach((row) => sink.add(row));
    return { ...page, items: [] };
  }
}

const ids = (rows: readonly BalanceTransaction[]) => rows.map((row) => row.id).join('\n');

describe('fetchKeptEncoded', () => {
  it('gives the bytes of the same kept rows as fetchKept, encoded a slice at a time, and where the view goes on', async () => {
    const rows = history(100);
    const range = dateRange('2024-03-30', '2024-03-30', 'UTC');
    const view = { range, types: ['payment' as const] };
    const streaming = transactionSource(new StreamingTransactionsApi(rows), view, { pageSize: 40 });
    const plain = transactionSource(new FakeTransactionsApi(rows), view, { pageSize: 40 });
    const slices: number[] = [];
    const encode = (batch: readonly BalanceTransaction[]) => {
      slices.push(batch.length);
      return [Buffer.from(`${ids(batch)}\n`)];
    };
    let cursor: string | null = null;
    const encoded: string[] = [];
    const expected: string[] = [];
    for (let page = 0; page < 3; page += 1) {
      const sifted: SiftedBytes<BalanceTransaction> | null = await fetchKeptEncoded(streaming, cursor, encode, 3);
      const kept = await fetchKept(plain, cursor);
      if (!sifted) throw new Error('the streaming source hands rows over');
      expect(sifted.count).toBe(kept.kept.length);
      expect(sifted.last?.id).toBe(kept.kept.at(-1)?.id);
      expect(sifted.next).toBe(kept.next);
      encoded.push(Buffer.concat(sifted.parts).toString());
      expected.push(kept.kept.length === 0 ? '' : `${ids(kept.kept)}\n`);
      cursor = sifted.next;
      if (cursor === null) break;
    }
    expect(encoded.join('').split('\n').filter(Boolean)).toEqual(expected.join('').split('\n').filter(Boolean));
    // The view ends inside the second page: its first older row stops it.
    expect(cursor).toBeNull();
    expect(Math.max(...slices)).toBeLessThanOrEqual(3);
  });

  it('starts over when a retried read of the page starts over: nothing of the failed read is kept', async () => {
    const rows = history(30);
    const api = new StreamingTransactionsApi(rows);
    api.retryFirstPageAfter = 7;
    const source = transactionSource(api, { range: {} }, { pageSize: 10 });
    const sifted = await fetchKeptEncoded(source, null, (batch) => [Buffer.from(`${ids(batch)}\n`)], 4);
    expect(Buffer.concat(sifted?.parts ?? []).toString()).toBe(`${ids(rows.slice(0, 10))}\n`);
    expect(sifted?.count).toBe(10);
  });

  it('is null for a source that cannot hand rows over: the caller reads the page whole', async () => {
    const source = transactionSource(new FakeTransactionsApi(history(5)), { range: {} }, { pageSize: 10 });
    expect(await fetchKeptEncoded(source, null, () => [], 4)).toBeNull();
  });
});
