import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { ApiError } from '@/lib/http/api-error';
import type { PayoutsQuery } from '@/lib/list-query/payouts-url';
import type { PayoutsPageDto } from '@/lib/payouts/schema';
import { getPayoutDetail, listPayouts } from '@/lib/payouts/service';
import { listTransactions, type ListOptions } from '@/lib/transactions/service';
import { codec, connectionTo, sandboxPerSuite } from './support';

const env = sandboxPerSuite();

function page(connection: LoadedConnection, query: PayoutsQuery, options: ListOptions = {}) {
  return listPayouts(connection, query, { codec, ...options });
}

async function allPages(connection: LoadedConnection, query: PayoutsQuery) {
  const pages: PayoutsPageDto[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(connection, { ...query, cursor });
    pages.push(result);
    cursor = result.nextCursor ?? undefined;
  } while (cursor !== undefined && pages.length < 200);
  return pages;
}

describe('payouts against the sandbox (SHOPLINE)', () => {
  afterEach(() => env.sandbox.faults.clear());

  it('pages through payouts newest first and back', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const first = await page(acme, { limit: 10 });
    const second = await page(acme, { limit: 10, cursor: first.nextCursor ?? undefined });
    const back = await page(acme, { limit: 10, cursor: second.previousCursor ?? undefined });
    expect(first.items).toHaveLength(10);
    expect(back.items).toEqual(first.items);
    expect(back.previousCursor).toBeNull();
    const dates = [...first.items, ...second.items].map((p) => Date.parse(p.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(first.items[0]).toMatchObject({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: expect.stringMatching(/^(USD|CAD)$/) });
  });

  it('filters by status and date range exactly as a full listing would', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const everything = (await allPages(acme, { limit: 1000 })).flatMap((p) => p.items);
    const from = Date.parse('2024-02-01T00:00:00Z');
    const to = Date.parse('2024-03-16T00:00:00Z');
    const expected = everything.filter((p) => p.status === 'completed' && Date.parse(p.date) >= from && Date.parse(p.date) < to);
    expect(expected.length).toBeGreaterThan(10);
    const pages = await allPages(acme, { limit: 5, status: 'completed', from: '2024-02-01', to: '2024-03-15', tz: 'UTC' });
    expect(pages.flatMap((p) => p.items)).toEqual(expected);
  });

  it('reconciles a payout with its transactions on sandbox data', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const { items } = await page(acme, { limit: 5 });
    for (const payout of items) {
      const detail = await getPayoutDetail(acme, payout.id);
      expect(detail.payout).toEqual(payout);
      expect(detail.reconciliation).toMatchObject({
        payoutAmount: payout.amount,
        transactionsNet: payout.amount,
        addsUp: true,
        reconciled: payout.status === 'completed',
      });
      expect(detail.reconciliation?.difference).toBe('0.00');
      expect(detail.transactions.every((row) => row.payoutId === payout.id)).toBe(true);
      const line = detail.transactions.find((row) => row.type === 'payout');
      expect(line?.net).toBe(`-${payout.amount}`);
      expect(detail).toMatchObject({ truncated: false, transactionCount: detail.transactions.length, otherCurrencies: [] });
    }
  });

  it('a failed payout on sandbox data is never reconciled: its money went back to the balance', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const [payout] = (await page(acme, { limit: 3, status: 'failed' })).items;
    if (!payout) throw new Error('no failed payout');
    const detail = await getPayoutDetail(acme, payout.id);
    expect(detail.reconciliation).toMatchObject({ addsUp: true, reconciled: false, verdict: 'returned_to_balance' });
  });

  it('shows the exact difference when the provider drops one of the transactions', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const [payout] = (await page(acme, { limit: 3, status: 'completed' })).items;
    if (!payout) throw new Error('no payout');
    const complete = await getPayoutDetail(acme, payout.id);
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', kind: 'drop_transaction', payoutId: payout.id, times: 1 });
    const damaged = await getPayoutDetail(acme, payout.id);
    const kept = new Set(damaged.transactions.map((row) => row.id));
    const missing = complete.transactions.filter((row) => !kept.has(row.id));
    expect(missing).toHaveLength(1);
    const [row] = missing;
    expect(damaged.reconciliation).toMatchObject({ reconciled: false, payoutAmount: payout.amount });
    const negated = row?.net.startsWith('-') ? row.net.slice(1) : `-${row?.net ?? ''}`;
    expect(damaged.reconciliation?.difference).toBe(negated);
  });

  it('answers 404 for a payout the account does not have', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    await expect(getPayoutDetail(acme, '1')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(getPayoutDetail(acme, '../balance')).rejects.toBeInstanceOf(ApiError);
    // Letters are a payout id elsewhere, but not one SHOPLINE declares: not found, as if it did not exist.
    await expect(getPayoutDetail(acme, 'PO_1')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('reports truncation when a payout has more rows than the server reads', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const [payout] = (await page(acme, { limit: 1 })).items;
    const detail = await getPayoutDetail(acme, payout?.id ?? '', { maxRows: 5 });
    expect(detail).toMatchObject({ truncated: true, transactionCount: 5 });
    expect(detail.reconciliation?.reconciled).toBe(false);
  });

  it('refuses a cursor of another connection or of the transactions list', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const refused = { status: 400, code: 'invalid_parameter' };
    const { nextCursor } = await page(acme, { limit: 10 });
    const globex = connectionTo(env.sandbox, 'globex-shopline');
    await expect(page(globex, { limit: 10, cursor: nextCursor ?? undefined })).rejects.toMatchObject(refused);
    const transactions = await listTransactions(acme, { limit: 10 }, { codec });
    await expect(page(acme, { limit: 10, cursor: transactions.nextCursor ?? undefined })).rejects.toMatchObject(refused);
  });

  it('keeps payouts and transactions whose status the docs do not list, as unknown with the raw value', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', kind: 'payout_status', value: 'on hold' });
    const unknown = { kind: 'unknown', raw: 'on hold' };
    const payouts = await page(acme, { limit: 5 });
    expect(payouts.items).toHaveLength(5);
    expect(payouts.items.every((p) => JSON.stringify(p.status) === JSON.stringify(unknown))).toBe(true);
    const detail = await getPayoutDetail(acme, payouts.items[0]?.id ?? '');
    expect(detail.payout.status).toEqual(unknown);
    expect(detail.transactions.length).toBeGreaterThan(0);
    expect(detail.transactions.every((t) => JSON.stringify(t.payoutStatus) === JSON.stringify(unknown))).toBe(true);
    const transactions = await listTransactions(acme, { limit: 50 }, { codec });
    expect(transactions.items.some((t) => JSON.stringify(t.payoutStatus) === JSON.stringify(unknown))).toBe(true);
  });

  it('never matches an unknown status with a documented status filter', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'payouts.json', kind: 'payout_status', value: 'on hold' });
    // The provider filtered on its side, then reported another status: the rows are read and not shown as completed.
    const filtered = await page(acme, { limit: 5, status: 'completed' });
    expect(filtered.scannedRows).toBeGreaterThan(0);
    expect(filtered.items).toEqual([]);
  });
});
