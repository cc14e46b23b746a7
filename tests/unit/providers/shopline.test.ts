import { describe, expect, it } from 'vitest';
import { PAYOUT_STATUSES, TRANSACTION_TYPES, type ReportedPayoutStatus } from '@/lib/domain/transaction';
import { ProviderError } from '@/lib/providers/errors';
import { shopline } from '@/lib/providers/shopline';
import {
  mapBalances,
  mapPayouts,
  mapTransactions,
  payoutStatusFromWire,
  payoutStatusToWire,
  transactionType,
} from '@/lib/providers/shopline/map';
import { transactionsResponseSchema, WIRE_PAYOUT_STATUSES, type WireTransaction } from '@/lib/providers/shopline/schemas';
import { fixture, scriptedFetch, testHttp, thrown, type Reply } from './support';

const ctx = { provider: 'shopline' as const, traceId: 'trace-1' };
const documented = (): WireTransaction => {
  const [first] = transactionsResponseSchema.parse(JSON.parse(fixture('shopline-transaction.json'))).transactions;
  if (!first) throw new Error('fixture has no transaction');
  return first;
};

describe('SHOPLINE mapTransactions', () => {
  it('maps the example assembled from the documentation page', () => {
    const [tx] = mapTransactions([documented()], ctx);
    expect(tx).toEqual({
      id: '202206161756376480011100000',
      type: 'other',
      rawType: 'fee_reversed',
      sourceType: 'refund',
      amount: { minor: 100n, currency: 'USD' },
      fee: { minor: -76n, currency: 'USD' },
      net: { minor: 76n, currency: 'USD' },
      currency: 'USD',
      settlementAmount: { minor: 100n, currency: 'USD' },
      exchangeRate: '1.3000000000',
      payoutId: '202208031899561700999905280',
      payoutStatus: 'in_progress',
      transactionTime: '2022-02-25T18:00:42+08:00',
      processedAt: '2022-02-25T18:00:42+08:00',
      sourceOrderId: '8545173391',
      sourceOrderTransactionId: '30010022516695225053195427840',
      sourcePaymentId: '10010022516695213198582620160',
    });
  });

  it('maps a CN-store record: empty payout fields and settlement become null', () => {
    const wire = { ...documented(), payout_id: '', payout_status: '', settlement_amount: '', settlement_currency: '', exchange_rate: '' };
    const [tx] = mapTransactions([wire], ctx);
    expect(tx).toMatchObject({ payoutId: null, payoutStatus: null, settlementAmount: null, exchangeRate: null });
  });

  it.each([
    ['JPY', '1200', '0', '1200', 1200n],
    ['VND', '250000', '-2500', '247500', 250000n],
    ['USD', '1200.00', '-0.76', '1199.24', 120000n],
  ])('reads %s amounts in minor units', (currency, amount, fee, net, minor) => {
    const wire = { ...documented(), currency, amount, fee, net, settlement_currency: currency, settlement_amount: amount };
    const [tx] = mapTransactions([wire], ctx);
    expect(tx?.amount).toEqual({ minor, currency });
    expect(tx?.settlementAmount).toEqual({ minor, currency });
  });

  it('keeps settlement in its own currency', () => {
    const [tx] = mapTransactions([{ ...documented(), settlement_amount: '130', settlement_currency: 'JPY' }], ctx);
    expect(tx?.settlementAmount).toEqual({ minor: 130n, currency: 'JPY' });
  });

  it.each([
    ['unknown currency', { currency: 'ABC' }, 'transactions[1].currency'],
    ['non-decimal amount', { amount: '1,00' }, 'transactions[1].amount'],
    ['non-decimal fee', { fee: 'n/a' }, 'transactions[1].fee'],
    ['sub-unit JPY net', { currency: 'JPY', amount: '1', fee: '0', net: '0.5', settlement_currency: 'JPY' }, 'transactions[1].net'],
    ['unknown settlement currency', { settlement_currency: 'ZZZ' }, 'transactions[1].settlement_currency'],
    ['settlement amount without currency', { settlement_currency: '' }, 'transactions[1].settlement_currency'],
    ['non-decimal exchange rate', { exchange_rate: '1.3e0' }, 'transactions[1].exchange_rate'],
    ['unreadable time', { transaction_time: 'yesterday' }, 'transactions[1].transaction_time'],
  ])('fails the whole page on %s, naming the field', (_name, patch, field) => {
    const error = thrown(() => mapTransactions([documented(), { ...documented(), ...patch }], ctx));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'bad_response', traceId: 'trace-1' });
    expect((error as ProviderError).message).toContain(field);
  });
});

describe('SHOPLINE type and status mapping', () => {
  it.each(TRANSACTION_TYPES.map((t) => [t]))('keeps documented type %s', (type) => {
    expect(transactionType(type)).toBe(type);
  });

  it.each([
    ['Chargeback_won', 'chargeback_won'],
    ['Accounting_adjustment', 'accounting_adjustment'],
    ['fee_reversed', 'other'],
    ['', 'other'],
  ])('maps %j to %s', (raw, type) => {
    expect(transactionType(raw)).toBe(type);
  });

  it.each<[string | null | undefined, ReportedPayoutStatus | null]>([
    ['in progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    [' completed ', 'completed'],
    ['accepted by bank', 'accepted_by_bank'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['retrying', 'retrying'],
    ['', null],
    [null, null],
    [undefined, null],
    ['on hold', { kind: 'unknown', raw: 'on hold' }],
    [' Reversed ', { kind: 'unknown', raw: 'Reversed' }],
  ])('reads payout status %j as %j', (wire, status) => {
    expect(payoutStatusFromWire(wire)).toEqual(status);
  });

  it.each(PAYOUT_STATUSES.map((s) => [s]))('writes %s as its documented wire value', (status) => {
    expect(WIRE_PAYOUT_STATUSES).toContain(payoutStatusToWire(status));
  });

  it('keeps a page whose rows carry an undocumented payout status, with the raw value', () => {
    const items = mapTransactions([documented(), { ...documented(), id: '2', payout_status: 'on hold' }], ctx);
    expect(items.map((t) => t.payoutStatus)).toEqual(['in_progress', { kind: 'unknown', raw: 'on hold' }]);
  });

  it('keeps a payout with an undocumented status', () => {
    const payouts = mapPayouts([{ id: 'P1', amount: '1.00', currency: 'USD', date: '2022-08-03T10:45:00+08:00', status: 'suspended' }], ctx);
    expect(payouts[0]?.status).toEqual({ kind: 'unknown', raw: 'suspended' });
  });

  it('round-trips every domain payout status', () => {
    for (const status of PAYOUT_STATUSES) {
      expect(payoutStatusFromWire(payoutStatusToWire(status))).toBe(status);
    }
  });

  it('maps balance.json to one line per currency', () => {
    const lines = mapBalances(
      [
        { amount: '12.34', currency: 'USD' },
        { amount: '1200', currency: 'JPY' },
      ],
      { ...ctx, receivedAt: new Date(0) },
    );
    expect(lines.map((l) => [l.key, l.available?.minor, l.total.minor, l.settling, l.frozen])).toEqual([
      ['USD', 1234n, 1234n, null, null],
      ['JPY', 1200n, 1200n, null, null],
    ]);
  });
});

const BASE = 'https://acme.myshopline.com';
const API = `${BASE}/admin/openapi/v20250601/payments/store`;

function client(replies: readonly Reply[]) {
  const scripted = scriptedFetch(replies);
  const instance = shopline.createClient({
    baseUrl: BASE,
    settings: { handle: 'acme' },
    credentials: { accessToken: 'shpat_secret_42' },
    timestampZone: shopline.timestampZone,
    http: testHttp({ fetch: scripted.fetch }),
  });
  const query = (i: number) => Object.fromEntries(new URL(scripted.calls[i]?.url ?? 'x:/').searchParams);
  return { instance, calls: scripted.calls, query };
}

describe('SHOPLINE client', () => {
  const page = { body: fixture('shopline-transaction.json'), headers: { traceId: 't-1' } };

  it('sends the filters on the first page and reads the link header', async () => {
    const link = `<https://evil.example.com/x?limit=2&page_info=NEXT%3D>; rel="next", <${API}/balance_transactions.json?page_info=PREV>; rel="previous"`;
    const { instance, calls, query } = client([{ ...page, headers: { ...page.headers, link } }]);
    const result = await instance.transactions!.listTransactions({
      limit: 2,
      payoutId: '202208031899561700999905280',
      payoutStatus: 'accepted_by_bank',
      sinceId: '202206161756376480011100000',
    });
    expect(new URL(calls[0]!.url).pathname).toBe('/admin/openapi/v20250601/payments/store/balance_transactions.json');
    expect(query(0)).toEqual({
      limit: '2',
      payout_id: '202208031899561700999905280',
      payout_status: 'accepted by bank',
      since_id: '202206161756376480011100000',
    });
    expect(calls[0]?.headers).toMatchObject({ authorization: 'Bearer shpat_secret_42', 'content-type': 'application/json; charset=utf-8' });
    expect(result).toMatchObject({ nextCursor: 'NEXT=', previousCursor: 'PREV' });
    expect(result.items).toHaveLength(1);
  });

  it('sends only limit and page_info with a cursor, on the configured host', async () => {
    const { instance, calls, query } = client([page]);
    await instance.transactions!.listTransactions({ cursor: 'NEXT=', limit: 5, payoutId: 'p1', payoutStatus: 'failed', sinceId: 's1' });
    expect(query(0)).toEqual({ limit: '5', page_info: 'NEXT=' });
    expect(new URL(calls[0]!.url).host).toBe('acme.myshopline.com');
  });

  it('treats a missing link header as the last page', async () => {
    const { instance } = client([page]);
    const result = await instance.transactions!.listTransactions({ limit: 10 });
    expect(result).toMatchObject({ nextCursor: null, previousCursor: null });
  });

  it.each([0, -1, 10_001, 1.5])('refuses a page size of %s', async (limit) => {
    const { instance, calls } = client([page]);
    await expect(instance.transactions!.listTransactions({ limit })).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(calls).toHaveLength(0);
  });

  it('lists payouts with their filters and gets one by id', async () => {
    const payout = { amount: '12.00', currency: 'USD', date: '2022-08-03T10:45:00+08:00', id: 'PO1', status: 'in progress' };
    const { instance, query } = client([{ body: { payouts: [payout] } }]);
    const list = await instance.payouts!.listPayouts({ limit: 1000, status: 'completed', dateMin: '2022-01-01' });
    expect(query(0)).toEqual({ limit: '1000', status: 'completed', date_min: '2022-01-01' });
    expect(list.items).toEqual([{ id: 'PO1', amount: { minor: 1200n, currency: 'USD' }, status: 'in_progress', date: payout.date }]);
    await expect(instance.payouts!.getPayout('PO1')).resolves.toMatchObject({ id: 'PO1' });
    expect(query(1)).toEqual({ payout_id: 'PO1' });
  });

  it.each<[string, Reply]>([
    ['a 404', { status: 404, body: { errors: 'Not Found' } }],
    ['an empty list', { body: { payouts: [] } }],
  ])('returns null for an unknown payout (%s)', async (_name, reply) => {
    const { instance } = client([reply]);
    await expect(instance.payouts!.getPayout('nope')).resolves.toBeNull();
  });

  it.each<[unknown, string]>([
    ['Too many request', 'Too many request'],
    [['limit is invalid', 'since_id is invalid'], 'limit is invalid; since_id is invalid'],
    [{ limit: ['must be at most 10000'] }, 'limit: must be at most 10000'],
  ])('reads the errors field %j', async (errors, text) => {
    const { instance } = client([{ status: 400, body: { errors }, headers: { traceId: 'tr-400' } }]);
    const error = await instance.getBalances().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_request', traceId: 'tr-400' });
    expect((error as Error).message).toContain(text);
  });
});

/**
 * A body sent as these byte chunks, then `tail`: the end of the body, an error (the connection breaks) or
 * 'hang' (until the request's signal aborts, which errors the body as fetch does).
 */
function streamed(chunks: readonly Uint8Array[], tail: 'end' | 'hang' | Error = 'end', signal?: AbortSignal) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[state.pulled];
      state.pulled += 1;
      if (chunk) return controller.enqueue(chunk);
      if (tail === 'end') return controller.close();
      if (tail instanceof Error) return controller.error(tail);
      return new Promise<void>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

function bytesOf(body: unknown, size: number): Uint8Array[] {
  const all = new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < all.length; at += size) chunks.push(all.subarray(at, at + size));
  return chunks;
}

/** A client whose transactions pages come from `bodies`, one per request (each a fresh stream). */
function streamingClient(bodies: ((signal?: AbortSignal) => ReadableStream<Uint8Array>)[], http: Partial<Parameters<typeof testHttp>[0]> = {}) {
  let calls = 0;
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const make = bodies[Math.min(calls, bodies.length - 1)];
    calls += 1;
    if (!make) throw new Error('no body scripted');
    return new Response(make(init?.signal ?? undefined), { status: 200, headers: { traceId: 't-9', link: `<${API}/balance_transactions.json?page_info=N2>; rel="next"` } });
  };
  const instance = shopline.createClient({
    baseUrl: BASE,
    settings: { handle: 'acme' },
    credentials: { accessToken: 'shpat_secret_42' },
    timestampZone: shopline.timestampZone,
    http: testHttp({ fetch, ...http }),
  });
  return { transactions: instance.transactions!, calls: () => calls };
}

describe('SHOPLINE client: a transactions page read as it arrives', () => {
  const rows = (count: number): WireTransaction[] =>
    Array.from({ length: count }, (_, i) => ({ ...documented(), id: `T${i}`, source_type: `remboursé 中文 🧾 "${i}"\\,]` }));

  it.each([1, 3, 7, 64, 4_096])('maps every row the same as the whole body, whatever the chunk size (%i bytes)', async (size) => {
    const wire = rows(40);
    const { transactions } = streamingClient([() => streamed(bytesOf({ transactions: wire }, size)).body]);
    const page = await transactions.listTransactions({ limit: 40 });
    expect(page.items).toEqual(mapTransactions(wire, { ...ctx, traceId: 't-9' }));
    expect(page.nextCursor).toBe('N2');
  });

  it('names the first row of the wrong shape, with the trace id, and reads no further', async () => {
    const wire: unknown[] = rows(400);
    wire[1] = { ...documented(), amount: 5 };
    const body = streamed(bytesOf({ transactions: wire }, 1_024));
    const { transactions, calls } = streamingClient([() => body.body]);
    const error = await transactions.listTransactions({ limit: 400 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'bad_response', traceId: 't-9' });
    expect((error as Error).message).toContain('(at transactions.1.amount)');
    expect(body.state.cancelled).toBe(true);
    expect(body.state.pulled).toBeLessThan(bytesOf({ transactions: wire }, 1_024).length);
    expect(calls()).toBe(1);
  });

  it('names the row and field a value cannot be mapped from', async () => {
    const wire = rows(3);
    wire[2] = { ...documented(), currency: 'ABC' };
    const { transactions } = streamingClient([() => streamed(bytesOf({ transactions: wire }, 100)).body]);
    const error = await transactions.listTransactions({ limit: 3 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'bad_response', traceId: 't-9' });
    expect((error as Error).message).toContain('transactions[2].currency');
  });

  it.each([
    ['broken JSON', '{"transactions":[{"id":"1"},,]}'],
    ['a truncated body', '{"transactions":[{"id":"1"'],
    ['an HTML error page', '<html>502 Bad Gateway</html>'],
    ['an empty body', ''],
  ])('fails %s as a response that is not valid JSON, without retrying', async (_name, text) => {
    const { transactions, calls } = streamingClient([() => streamed(bytesOf(text, 5)).body]);
    const error = await transactions.listTransactions({ limit: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'bad_response', traceId: 't-9' });
    expect((error as Error).message).toContain('not valid JSON');
    expect(calls()).toBe(1);
  });

  it.each([
    ['no list', { errors: 'Unauthorized' }, 'transactions'],
    ['a list that is not one', { transactions: { T1: documented() } }, 'transactions'],
  ])('fails a 2xx body with %s as of an unexpected shape', async (_name, body, at) => {
    const { transactions } = streamingClient([() => streamed(bytesOf(body, 8)).body]);
    const error = await transactions.listTransactions({ limit: 10 }).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`(at ${at})`);
  });

  it('starts the page over when the connection breaks mid-body, keeping no row of the broken try', async () => {
    const all = bytesOf({ transactions: rows(20) }, 256);
    const { transactions, calls } = streamingClient([() => streamed(all.slice(0, 10), new TypeError('terminated')).body, () => streamed(all).body]);
    const page = await transactions.listTransactions({ limit: 20 });
    expect(page.items.map((row) => row.id)).toEqual(rows(20).map((row) => row.id));
    expect(calls()).toBe(2);
  });

  it('times out a body that stops arriving, instead of waiting for it', async () => {
    const all = bytesOf({ transactions: rows(20) }, 256);
    const { transactions } = streamingClient([(signal) => streamed(all.slice(0, 3), 'hang', signal).body], { timeoutMs: 50 });
    await expect(transactions.listTransactions({ limit: 20 })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('hands every row to a sink as the body arrives, the same rows, and starts over with a retried read', async () => {
    const wire = rows(20);
    const all = bytesOf({ transactions: wire }, 256);
    const { transactions, calls } = streamingClient([() => streamed(all.slice(0, 10), new TypeError('terminated')).body, () => streamed(all).body]);
    let got: string[] = [];
    let restarts = 0;
    const sink = {
      restart() {
        restarts += 1;
        got = [];
      },
      add(row: { id: string }) {
        got.push(row.id);
      },
    };
    const page = await transactions.listTransactionsInto!({ limit: 20 }, sink);
    expect(got).toEqual(mapTransactions(wire, { ...ctx, traceId: 't-9' }).map((row) => row.id));
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toBe('N2');
    expect([restarts, calls()]).toEqual([2, 2]);
  });

  it('reads the flow columns the same way', async () => {
    const wire = rows(5).map(({ id, type, amount, fee, currency, transaction_time }) => ({ id, type, amount, fee, currency, transaction_time }));
    const { transactions } = streamingClient([() => streamed(bytesOf({ transactions: wire }, 9)).body]);
    const page = await transactions.listTransactionFlows!({ limit: 5 });
    expect(page.items.map((row) => [row.id, row.amount, row.transactionTime])).toEqual(
      wire.map((row) => [row.id, { minor: 100n, currency: 'USD' }, row.transaction_time]),
    );
  });
});
