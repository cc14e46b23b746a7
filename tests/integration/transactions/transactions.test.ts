import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { ApiError } from '@/lib/http/api-error';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import type { TransactionsPageDto } from '@/lib/transactions/schema';
import { listTransactions, type ListOptions } from '@/lib/transactions/service';
import { codec, connectionTo, sandboxPerSuite } from './support';

const env = sandboxPerSuite();
const ids = (rows: readonly TransactionDto[]) => rows.map((row) => row.id);

function page(connection: LoadedConnection, query: TransactionsQuery, options: ListOptions = {}) {
  return listTransactions(connection, query, { codec, ...options });
}

/** Follows nextCursor to the end, through pages that are still searching. */
async function allPages(connection: LoadedConnection, query: TransactionsQuery, options: ListOptions = {}) {
  const pages: TransactionsPageDto[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(connection, { ...query, cursor }, options);
    pages.push(result);
    cursor = result.nextCursor ?? undefined;
  } while (cursor !== undefined && pages.length < 500);
  return pages;
}

async function refusal(run: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('transactions against the sandbox (SHOPLINE)', () => {
  afterEach(() => env.sandbox.faults.clear());

  it('pages forward three pages and back again to the same rows', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const query: TransactionsQuery = { limit: 50 };
    const first = await page(acme, query);
    const second = await page(acme, { ...query, cursor: first.nextCursor ?? undefined });
    const third = await page(acme, { ...query, cursor: second.nextCursor ?? undefined });
    expect(first.previousCursor).toBeNull();
    expect([first, second, third].map((p) => p.items.length)).toEqual([50, 50, 50]);
    expect(new Set([...ids(first.items), ...ids(second.items), ...ids(third.items)]).size).toBe(150);

    const backToSecond = await page(acme, { ...query, cursor: third.previousCursor ?? undefined });
    const backToFirst = await page(acme, { ...query, cursor: backToSecond.previousCursor ?? undefined });
    expect(ids(backToSecond.items)).toEqual(ids(second.items));
    expect(ids(backToFirst.items)).toEqual(ids(first.items));
    expect(backToFirst.previousCursor).toBeNull();
    expect(first.items.map((row) => Date.parse(row.transactionTime))).toEqual(
      first.items.map((row) => Date.parse(row.transactionTime)).sort((a, b) => b - a),
    );
  });

  it('sends amounts as exact decimal strings with their currency', async () => {
    const { items } = await page(connectionTo(env.sandbox, 'acme-shopline'), { limit: 100 });
    for (const row of items) {
      expect(row.amount).toMatch(/^-?\d+\.\d{2}$/);
      expect(row.fee).toMatch(/^-?\d+\.\d{2}$/);
      expect(['USD', 'CAD']).toContain(row.currency);
    }
    for (const row of items.filter((r) => r.type === 'other')) expect(row.rawType).toBe('fee_reversed');
  });

  it('keeps the payout status filter of page 1 on pages 2 and 3 (carried by the cursor)', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const query: TransactionsQuery = { limit: 40, payout_status: 'completed' };
    const first = await page(acme, query);
    const second = await page(acme, { ...query, cursor: first.nextCursor ?? undefined });
    const third = await page(acme, { ...query, cursor: second.nextCursor ?? undefined });
    const rows = [...first.items, ...second.items, ...third.items];
    expect(rows).toHaveLength(120);
    expect(rows.every((row) => row.payoutStatus === 'completed')).toBe(true);
    expect(new Set(ids(rows)).size).toBe(120);
  });

  it('filters by type and date range across provider pages, exactly as a full scan would', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const everything = await page(acme, { limit: 10_000 });
    expect(everything.nextCursor).toBeNull();
    const from = Date.parse('2024-03-01T00:00:00+08:00');
    const to = Date.parse('2024-03-21T00:00:00+08:00');
    const expected = everything.items.filter((row) => {
      const ms = Date.parse(row.transactionTime);
      return (row.type === 'refund' || row.type === 'other') && ms >= from && ms < to;
    });
    expect(expected.length).toBeGreaterThan(20);

    const query: TransactionsQuery = { limit: 10, type: ['refund', 'other'], from: '2024-03-01', to: '2024-03-20', tz: 'Asia/Shanghai' };
    const pages = await allPages(acme, query);
    expect(pages.flatMap((p) => ids(p.items))).toEqual(ids(expected));
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('says it is still searching when the budget runs out, and goes on from there', async () => {
    const bench = connectionTo(env.sandbox, 'bench');
    const query: TransactionsQuery = { limit: 50, type: ['chargeback_won', 'refund_failure'] };
    const first = await page(bench, query, { budget: { maxProviderPages: 1 } });
    expect(first).toMatchObject({ searching: true, scannedRows: 2_500, providerPages: 1 });
    expect(first.items.length).toBeLessThan(50);
    const second = await page(bench, { ...query, cursor: first.nextCursor ?? undefined }, { budget: { maxProviderPages: 1 } });
    const atOnce = await page(bench, query, { budget: { maxProviderPages: 2 } });
    expect([...ids(first.items), ...ids(second.items)]).toEqual(ids(atOnce.items).slice(0, first.items.length + second.items.length));
    expect(atOnce.scannedRows).toBe(5_000);
  });

  it('refuses a tampered cursor with a 400 naming the cursor', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const { nextCursor } = await page(acme, { limit: 50 });
    const [body = '', mac = ''] = (nextCursor ?? '').split('.');
    const payload = Buffer.from(body, 'base64url').toString('utf8').replace('"n"', '"p"');
    const tampered = `${Buffer.from(payload).toString('base64url')}.${mac}`;
    const error = await refusal(page(acme, { limit: 50, cursor: tampered }));
    expect(error).toMatchObject({ status: 400, code: 'invalid_parameter' });
    expect(error.message).toContain('cursor');
  });

  it('refuses a cursor of another connection, or of other filters', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const otherConnection = connectionTo(env.sandbox, 'acme-shopline');
    const { nextCursor } = await page(acme, { limit: 50, payout_status: 'completed' });
    const cursor = nextCursor ?? undefined;
    expect(await refusal(page(otherConnection, { limit: 50, payout_status: 'completed', cursor }))).toMatchObject({ status: 400 });
    expect(await refusal(page(acme, { limit: 50, payout_status: 'failed', cursor }))).toMatchObject({ status: 400 });
    expect(await refusal(page(acme, { limit: 100, payout_status: 'completed', cursor }))).toMatchObject({ status: 400 });
  });

  it('reports a provider failure mid-walk as a 502 with the trace id', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const { nextCursor } = await page(acme, { limit: 50 });
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'status', status: 503 });
    const error = await refusal(page(acme, { limit: 50, cursor: nextCursor ?? undefined }));
    expect(error).toMatchObject({ status: 502, code: 'provider_error', kind: 'unavailable' });
    expect((error as ApiError & { traceId: string | null }).traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses a payout_id SHOPLINE's declared id format rules out, before calling it", async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    env.sandbox.stats.reset();
    const error = await refusal(page(acme, { limit: 50, payout_id: 'PO_1' }));
    expect(error).toMatchObject({ status: 400, code: 'invalid_parameter', message: 'Invalid query parameter "payout_id": not a SHOPLINE Payments payout id.' });
    expect(env.sandbox.stats.snapshot().totals.requests).toBe(0);
  });

  it('answers 400 unsupported for a provider without transactions', async () => {
    const error = await refusal(page(connectionTo(env.sandbox, 'acme-genpayment-us'), { limit: 50 }));
    expect(error).toMatchObject({ status: 400, code: 'unsupported', message: 'GenPayment does not provide transactions.' });
  });
});
