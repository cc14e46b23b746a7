import { describe, expect, it } from 'vitest';
import type { BalanceTransaction, TransactionType } from '@/lib/domain/transaction';
import { dateRange } from '@/lib/time/dates';
import { transactionSource, type TransactionView } from '@/lib/balance-transactions/source';
import { providerPageSize } from '@/lib/paging/page';
import { HEAD, walk, type WalkBudget, type WalkPosition, type WalkResult } from '@/lib/paging/walk';
import { FakeTransactionsApi, history, row } from '@/tests/support/fake-transactions-api';

const ids = (rows: readonly BalanceTransaction[]) => rows.map((r) => r.id);

function setup(total: number, view: Partial<TransactionView> = {}, pageSize = 10) {
  const rows = history(total);
  const api = new FakeTransactionsApi(rows);
  const source = transactionSource(api, { range: {}, ...view }, { pageSize });
  const page = (
    direction: 'next' | 'previous',
    position: WalkPosition,
    limit: number,
    budget?: Partial<WalkBudget>,
  ): Promise<WalkResult<BalanceTransaction>> => walk(source, { direction, position, limit, budget });
  return { rows, api, page };
}

/** Follows `next` to the end, continuing through `searching` pages. */
async function walkAll(page: ReturnType<typeof setup>['page'], limit: number, budget?: Partial<WalkBudget>) {
  const pages: WalkResult<BalanceTransaction>[] = [];
  let position: WalkPosition | null = HEAD;
  while (position !== null && pages.length < 100) {
    const result: WalkResult<BalanceTransaction> = await page('next', position, limit, budget);
    pages.push(result);
    position = result.next;
  }
  return pages;
}

describe('walk forward without local filters', () => {
  it('gives exactly one provider page of `limit` rows per page', async () => {
    const { rows, api, page } = setup(35);
    const pages = await walkAll(page, 10);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 10, 5]);
    expect(pages.map((p) => p.providerPages)).toEqual([1, 1, 1, 1]);
    expect(pages.flatMap((p) => ids(p.items))).toEqual(ids(rows));
    expect(api.calls.map((c) => c.limit)).toEqual([10, 10, 10, 10]);
    expect(pages.at(-1)?.next).toBeNull();
    expect(pages.map((p) => p.searching)).toEqual([false, false, false, false]);
  });

  it('has no previous page on the first page', async () => {
    const { page } = setup(35);
    expect((await page('next', HEAD, 10)).previous).toBeNull();
  });

  it('sends payout filters on the first page only; later pages send the cursor alone', async () => {
    const { api, page } = setup(60, { payoutStatus: 'completed' });
    const pages = await walkAll(page, 10);
    expect(pages.flatMap((p) => p.items).every((r) => r.payoutStatus === 'completed')).toBe(true);
    expect(api.calls[0]).toEqual({ limit: 10, payoutId: undefined, payoutStatus: 'completed' });
    for (const call of api.calls.slice(1)) expect(Object.keys(call).sort()).toEqual(['cursor', 'limit']);
  });
});

describe('walk backward', () => {
  it('previous from page 3 returns page 2 exactly', async () => {
    const { page } = setup(50);
    const first = await page('next', HEAD, 10);
    const second = await page('next', first.next ?? HEAD, 10);
    const third = await page('next', second.next ?? HEAD, 10);
    const back = await page('previous', third.previous ?? HEAD, 10);
    expect(ids(back.items)).toEqual(ids(second.items));
    expect(back.next).toEqual(third.previous);
    const again = await page('next', back.next ?? HEAD, 10);
    expect(ids(again.items)).toEqual(ids(third.items));
  });

  it('reaching the start with fewer rows than `limit` shows the first page instead', async () => {
    const { rows, page } = setup(50);
    const shifted = await page('next', { cursor: null, index: 4, anchorId: rows[4]?.id }, 10);
    const back = await page('previous', shifted.previous ?? HEAD, 10);
    expect(ids(back.items)).toEqual(ids(rows.slice(0, 10)));
    expect(back.previous).toBeNull();
  });
});

const FILTERS: readonly { name: string; view: Partial<TransactionView>; limit: number; pageSize: number }[] = [
  { name: 'types', view: { types: ['refund', 'chargeback'] }, limit: 4, pageSize: 10 },
  { name: 'types, page size not dividing the provider page', view: { types: ['payment'] }, limit: 7, pageSize: 10 },
  { name: 'date range', view: { range: dateRange('2024-03-29', '2024-03-30', 'UTC') }, limit: 9, pageSize: 10 },
  {
    name: 'type and date range across pages',
    view: { types: ['payment', 'other'], range: dateRange('2024-03-28', '2024-03-30', 'UTC') },
    limit: 5,
    pageSize: 8,
  },
  { name: 'type and payout status', view: { types: ['payment'], payoutStatus: 'failed' }, limit: 3, pageSize: 10 },
];

describe.each(FILTERS)('walk with filters: $name', ({ view, limit, pageSize }) => {
  const expected = (rows: BalanceTransaction[]) =>
    rows.filter((r) => {
      const ms = Date.parse(r.transactionTime);
      const { fromMs, toMs } = view.range ?? {};
      return (
        (view.types === undefined || view.types.includes(r.type)) &&
        (view.payoutStatus === undefined || r.payoutStatus === view.payoutStatus) &&
        (fromMs === undefined || ms >= fromMs) &&
        (toMs === undefined || ms < toMs)
      );
    });

  it('keeps exactly the matching rows, in order, with no duplicates or gaps forward then back', async () => {
    const { rows, page } = setup(120, view, pageSize);
    const want = ids(expected(rows));
    expect(want.length).toBeGreaterThan(limit);
    const forward = await walkAll(page, limit);
    expect(forward.flatMap((p) => ids(p.items))).toEqual(want);
    expect(forward.every((p) => p.items.length === limit || p === forward.at(-1))).toBe(true);

    const backward: string[][] = [];
    let position = forward.at(-1)?.previous ?? null;
    while (position !== null && backward.length < 50) {
      const result = await page('previous', position, limit);
      backward.unshift(ids(result.items));
      position = result.previous;
    }
    expect(backward).toEqual(forward.slice(0, -1).map((p) => ids(p.items)));
  });

  it('resumes mid provider page where the previous page stopped', async () => {
    const { page } = setup(120, view, pageSize);
    const first = await page('next', HEAD, limit);
    const second = await page('next', first.next ?? HEAD, limit);
    expect(second.items[0]?.id).not.toBe(first.items.at(-1)?.id);
    expect(new Set([...ids(first.items), ...ids(second.items)]).size).toBe(first.items.length + second.items.length);
  });
});

describe('walk bounds', () => {
  it('stops at the first row older than `from` without reading further pages', async () => {
    const { api, page } = setup(200, { range: dateRange('2024-03-31', '2024-03-31', 'UTC') });
    const result = await page('next', HEAD, 50);
    expect(result.items).toHaveLength(24);
    expect(result.next).toBeNull();
    expect(result.searching).toBe(false);
    expect(api.calls).toHaveLength(3);
  });

  it('returns what it found and `searching` when the page budget is spent', async () => {
    const rows = history(100).map((r, i) => (i === 73 ? { ...r, type: 'transfer_in' as TransactionType } : r));
    const api = new FakeTransactionsApi(rows);
    const source = transactionSource(api, { range: {}, types: ['transfer_in'] }, { pageSize: 10 });
    const first = await walk(source, { direction: 'next', position: HEAD, limit: 5, budget: { maxProviderPages: 3 } });
    expect(first).toMatchObject({ items: [], searching: true, providerPages: 3, scannedRows: 30 });
    expect(first.next).not.toBeNull();
    const budget = { maxProviderPages: 3 };
    const second = await walk(source, { direction: 'next', position: first.next ?? HEAD, limit: 5, budget });
    const third = await walk(source, { direction: 'next', position: second.next ?? HEAD, limit: 5, budget });
    const fourth = await walk(source, { direction: 'next', position: third.next ?? HEAD, limit: 5, budget });
    expect(second).toMatchObject({ items: [], searching: true });
    expect(third).toMatchObject({ items: [rows[73]], searching: true });
    expect(fourth).toMatchObject({ items: [], searching: false, next: null, providerPages: 1 });
  });

  it('stops asking for pages once the time budget is spent', async () => {
    const { api } = setup(100, {}, 10);
    let clock = 0;
    const source = transactionSource(api, { range: {}, types: ['transfer_in'] }, { pageSize: 10 });
    const now = () => (clock += 1_000);
    const result = await walk(source, { direction: 'next', position: HEAD, limit: 5, now, budget: { timeBudgetMs: 2_500 } });
    expect(result.searching).toBe(true);
    expect(result.providerPages).toBeLessThan(5);
  });

  it('walks backward within the budget and continues from where it stopped', async () => {
    const { page } = setup(100, { types: ['chargeback'] });
    const pages = await walkAll(page, 3);
    const last = pages.at(-1);
    const back = await page('previous', last?.previous ?? HEAD, 3, { maxProviderPages: 1 });
    const previousIds = ids(pages.at(-2)?.items ?? []);
    expect(previousIds.slice(-back.items.length)).toEqual(ids(back.items));
  });

  it('finds the anchor row again when new rows arrived at the head', async () => {
    const { rows, api, page } = setup(40, { types: ['payment'] }, 10);
    const first = await page('next', HEAD, 4);
    api.rows = [row(-2, 40), row(-1, 40), ...rows];
    const second = await page('next', first.next ?? HEAD, 4);
    const expected = rows.filter((r) => r.type === 'payment').slice(4, 8);
    expect(ids(second.items)).toEqual(ids(expected));
  });

  it('lets a provider failure through', async () => {
    const { api, page } = setup(100, { types: ['transfer_in'] });
    api.failOnCall = 2;
    await expect(page('next', HEAD, 5)).rejects.toThrow('provider down');
  });
});

describe('providerPageSize', () => {
  it.each([
    [100, false, 10_000, 100],
    [100, true, 10_000, 2_500],
    [5_000, true, 10_000, 5_000],
    [50, true, 1_000, 1_000],
    [10_000, false, 500, 500],
  ])('limit %i, filtered here %s, provider max %i -> %i', (limit, filtered, max, size) => {
    expect(providerPageSize(limit, filtered, max)).toBe(size);
  });
});
