import { afterEach, describe, expect, it } from 'vitest';
import type { BalanceTransaction, Payout } from '@/lib/domain/transaction';
import type { LogEntry } from '@/lib/providers/http';
import type { ProviderClient, TransactionsApi } from '@/lib/providers/types';
import { account, clientFor, failureOf, sandboxPerSuite } from './support';

const env = sandboxPerSuite();
const acme = account('shopline', 'acme-shopline');

function txApi(client: ProviderClient): TransactionsApi {
  if (!client.transactions) throw new Error('SHOPLINE must list transactions');
  return client.transactions;
}
const ids = (items: readonly BalanceTransaction[]) => items.map((t) => t.id);

describe('SHOPLINE against the sandbox', () => {
  afterEach(() => env.sandbox.faults.clear());

  it('reads one balance line per currency', async () => {
    const lines = await clientFor(env.sandbox, acme).getBalances();
    expect(lines.map((l) => l.currency).sort()).toEqual(['CAD', 'USD']);
    for (const line of lines) {
      expect(line).toMatchObject({ settling: null, frozen: null, warnings: [] });
      expect(line.available).toEqual(line.total);
    }
  });

  it('pages forward three pages, then back via previous to the same rows', async () => {
    const api = txApi(clientFor(env.sandbox, acme));
    const p1 = await api.listTransactions({ limit: 25 });
    expect(p1.previousCursor).toBeNull();
    const p2 = await api.listTransactions({ limit: 25, cursor: p1.nextCursor });
    const p3 = await api.listTransactions({ limit: 25, cursor: p2.nextCursor });
    for (const page of [p1, p2, p3]) expect(page.items).toHaveLength(25);
    const forward = [...ids(p1.items), ...ids(p2.items), ...ids(p3.items)];
    expect(new Set(forward).size).toBe(75);

    const back2 = await api.listTransactions({ limit: 25, cursor: p3.previousCursor });
    expect(ids(back2.items)).toEqual(ids(p2.items));
    const back1 = await api.listTransactions({ limit: 25, cursor: back2.previousCursor });
    expect(ids(back1.items)).toEqual(ids(p1.items));
  });

  it('lists the flow columns alone (fields) with the same values and the same paging as the full rows', async () => {
    const logs: LogEntry[] = [];
    const api = txApi(clientFor(env.sandbox, acme, { logs }));
    if (!api.listTransactionFlows) throw new Error('SHOPLINE lists flow columns');
    const flows1 = await api.listTransactionFlows({ limit: 30 });
    const flows2 = await api.listTransactionFlows({ limit: 30, cursor: flows1.nextCursor });
    const full1 = await api.listTransactions({ limit: 30 });
    const full2 = await api.listTransactions({ limit: 30, cursor: full1.nextCursor });
    const pick = ({ id, type, rawType, currency, amount, fee, transactionTime }: BalanceTransaction) => ({ id, type, rawType, currency, amount, fee, transactionTime });
    expect([...flows1.items, ...flows2.items].map((row) => ({ ...row }))).toEqual([...full1.items, ...full2.items].map(pick));
    // Asked on the first page and again beside page_info, as SHOPLINE's paging allows.
    expect(logs.slice(0, 2).map((l) => new URL(l.path, 'http://x').searchParams.get('fields'))).toEqual([
      'id,type,amount,fee,currency,transaction_time',
      'id,type,amount,fee,currency,transaction_time',
    ]);
  });

  it('tells the next page’s cursor from the link header (read before the body), and null at the end of the list', async () => {
    const api = txApi(clientFor(env.sandbox, acme));
    const told: (string | null)[] = [];
    const first = await api.listTransactions({ limit: 25 }, { onNextCursor: (next) => told.push(next) });
    expect(told).toEqual([first.nextCursor]);
    expect(first.nextCursor).not.toBeNull();
    let cursor = first.nextCursor;
    let last: (string | null)[] = [];
    for (let page = 0; cursor !== null && page < 100; page += 1) {
      last = [];
      const next = await api.listTransactions({ limit: 1_000, cursor }, { onNextCursor: (c) => last.push(c) });
      expect(last).toEqual([next.nextCursor]);
      cursor = next.nextCursor;
    }
    expect(last).toEqual([null]);
  });

  it('carries the payout_id filter in the cursor', async () => {
    const client = clientFor(env.sandbox, acme);
    const payouts = await client.payouts!.listPayouts({ limit: 5 });
    const payout = payouts.items[1] as Payout;
    const logs: LogEntry[] = [];
    const api = txApi(clientFor(env.sandbox, acme, { logs }));
    const seen: BalanceTransaction[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await api.listTransactions({ limit: 4, cursor, payoutId: payout.id });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    expect(pages).toBeGreaterThan(1);
    expect(seen.every((t) => t.payoutId === payout.id)).toBe(true);
    expect(new Set(ids(seen)).size).toBe(seen.length);
    expect(logs.slice(1).every((l) => !l.path.includes('payout_id'))).toBe(true);
  });

  it('filters by payout status with the spaced wire value', async () => {
    const page = await txApi(clientFor(env.sandbox, acme)).listTransactions({ limit: 50, payoutStatus: 'completed' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((t) => t.payoutStatus === 'completed')).toBe(true);
  });

  it('maps CN-store records with an empty payout status to null and refuses payout_id there', async () => {
    const cn = clientFor(env.sandbox, account('shopline', 'cnstore'));
    const page = await txApi(cn).listTransactions({ limit: 100 });
    expect(page.items.length).toBe(100);
    expect(page.items.every((t) => t.payoutStatus === null)).toBe(true);
    await expect(txApi(cn).listTransactions({ limit: 10, payoutId: '1' })).rejects.toMatchObject({ kind: 'invalid_request', status: 400 });
  });

  it('lists payouts and gets one by id; an unknown id is null', async () => {
    const client = clientFor(env.sandbox, acme);
    const list = await client.payouts!.listPayouts({ limit: 3 });
    expect(list.items).toHaveLength(3);
    const first = list.items[0] as Payout;
    await expect(client.payouts!.getPayout(first.id)).resolves.toEqual(first);
    await expect(client.payouts!.getPayout('999999999999999999999999999')).resolves.toBeNull();
  });

  it('reads a full 10,000-row page of the benchmark store', async () => {
    const page = await txApi(clientFor(env.sandbox, account('shopline', 'bench'), { http: { timeoutMs: 10_000 } })).listTransactions({
      limit: 10_000,
    });
    expect(page.items).toHaveLength(10_000);
    expect(page.nextCursor).not.toBeNull();
  });

  it('reports a wrong token as auth with the trace id', async () => {
    const error = await failureOf(clientFor(env.sandbox, acme, { credentials: { accessToken: 'wrong-token-123' } }).getBalances());
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect((error as { traceId: string | null }).traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((error as Error).message).not.toContain('wrong-token-123');
  });

  it('retries two 429s and then succeeds', async () => {
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', kind: 'rate_limit', times: 2 });
    const logs: LogEntry[] = [];
    await expect(txApi(clientFor(env.sandbox, acme, { logs })).listTransactions({ limit: 5 })).resolves.toMatchObject({
      items: expect.any(Array),
    });
    expect(logs.map((l) => l.status)).toEqual([429, 429, 200]);
    expect(logs.every((l) => l.traceId !== null)).toBe(true);
  });

  it('times out a slow answer', async () => {
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', kind: 'delay', delayMs: 1_000, times: 1 });
    await expect(clientFor(env.sandbox, acme, { http: { timeoutMs: 300 } }).getBalances()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('reports a malformed body as bad_response', async () => {
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', kind: 'malformed_json', times: 1 });
    await expect(txApi(clientFor(env.sandbox, acme)).listTransactions({ limit: 5 })).rejects.toMatchObject({ kind: 'bad_response' });
  });

  it('reports a non-decimal amount as bad_response naming the field, never a partial page', async () => {
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'bad_amount', times: 1 });
    const error = await failureOf(txApi(clientFor(env.sandbox, acme)).listTransactions({ limit: 5 }));
    expect(error).toMatchObject({ kind: 'bad_response' });
    expect((error as Error).message).toContain('transactions[0].amount');
  });
});
