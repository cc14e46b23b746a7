import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { toCurrency } from '@/lib/domain/currencies';
import { parseMoney, toDecimalString } from '@/lib/domain/money';
import { TtlLru } from '@/lib/flows/cache';
import type { FlowsQuery } from '@/lib/flows/query-url';
import type { FlowsDto } from '@/lib/flows/schema';
import { aggregateFlows } from '@/lib/flows/service';
import { ApiError } from '@/lib/http/api-error';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { listTransactions } from '@/lib/transactions/service';
import { codec, connectionTo, ORG_ID, sandboxPerSuite } from '../transactions/support';

const env = sandboxPerSuite();
/** After the sandbox's newest transaction (2024-03-31T12:00Z), so March is a closed period. */
const NOW = new Date('2024-04-02T12:00:00Z');
const MARCH: FlowsQuery = { range: { from: '2024-03-01', to: '2024-03-31' }, account: 'all' };

/** Every row of the transactions list for the same period and zone, through its own paging. */
async function listed(connection: LoadedConnection, from: string, to: string, timeZone: string): Promise<TransactionDto[]> {
  const rows: TransactionDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTransactions(connection, { limit: 1000, from, to, cursor }, { codec, timeZone, budget: { maxProviderPages: 50 } });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return rows;
}

/** What the transactions table sums to, per type, in one currency: the flows' byType must equal it. */
function sumsByType(rows: readonly TransactionDto[], currency: string) {
  const code = toCurrency(currency);
  const byType = new Map<string, { count: number; amount: bigint; fee: bigint; net: bigint }>();
  for (const row of rows.filter((r) => r.currency === currency)) {
    const sums = byType.get(row.type) ?? { count: 0, amount: 0n, fee: 0n, net: 0n };
    sums.count += 1;
    sums.amount += parseMoney(row.amount, code).minor;
    sums.fee += parseMoney(row.fee, code).minor;
    sums.net += parseMoney(row.net, code).minor;
    byType.set(row.type, sums);
  }
  const text = (minor: bigint) => toDecimalString({ minor, currency: code });
  return [...byType.entries()]
    .map(([type, s]) => ({ type, count: s.count, amount: text(s.amount), fee: text(s.fee), net: text(s.net) }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

const typeRows = (dto: FlowsDto) =>
  dto.byType.map(({ type, count, amount, fee, net }) => ({ type, count, amount, fee, net })).sort((a, b) => a.type.localeCompare(b.type));

describe('flows against the sandbox (SHOPLINE over HTTP)', () => {
  afterEach(() => env.sandbox.faults.clear());

  it.each([
    ['acme-shopline', 'USD', 'America/New_York', '2024-03-01', '2024-03-31'],
    ['acme-shopline', 'CAD', 'America/New_York', '2024-03-01', '2024-03-31'],
    ['globex-shopline', 'EUR', 'Europe/Berlin', '2024-01-02', '2024-03-31'],
    ['globex-shopline', 'GBP', 'Europe/Berlin', '2024-01-02', '2024-03-31'],
  ])('%s %s (%s, %s to %s): totals equal the transactions list’s sums', async (key, currency, timeZone, from, to) => {
    const connection = connectionTo(env.sandbox, key);
    const query: FlowsQuery = { range: { from, to }, currency, account: connection.id };
    const dto = await aggregateFlows({ organizationId: ORG_ID, timeZone }, [connection], query, { now: NOW, cache: null });
    const rows = await listed(connection, from, to, timeZone);
    const expected = sumsByType(rows, currency);

    expect(dto.currency).toBe(currency);
    expect(typeRows(dto)).toEqual(expected);
    expect(dto.totals.count).toBe(rows.filter((r) => r.currency === currency).length);
    expect(dto.totals.count).toBeGreaterThan(0);
    const code = toCurrency(currency);
    const net = expected.reduce((sum, row) => sum + parseMoney(row.net, code).minor, 0n);
    expect(dto.totals.net).toBe(toDecimalString({ minor: net, currency: code }));
    expect(dto.typeTotals.net).toBe(dto.totals.net);
    const bucketCount = dto.buckets.reduce((sum, b) => sum + b.count, 0);
    expect(bucketCount).toBe(dto.totals.count);
    expect(dto.granularity).toBe(from === '2024-03-01' ? 'day' : 'week');
  });

  it('sums all accounts of one currency, and only that currency', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const cn = connectionTo(env.sandbox, 'cnstore');
    const scope = { organizationId: ORG_ID, timeZone: 'UTC' };
    const query: FlowsQuery = { ...MARCH, currency: 'USD' };
    const [both, one, other] = await Promise.all([
      aggregateFlows(scope, [acme, cn], query, { now: NOW, cache: null }),
      aggregateFlows(scope, [acme], { ...query, account: acme.id }, { now: NOW, cache: null }),
      aggregateFlows(scope, [cn], { ...query, account: cn.id }, { now: NOW, cache: null }),
    ]);
    const usd = toCurrency('USD');
    const minor = (value: string) => parseMoney(value, usd).minor;
    expect(both.totals.count).toBe(one.totals.count + other.totals.count);
    expect(minor(both.totals.net)).toBe(minor(one.totals.net) + minor(other.totals.net));
    both.buckets.forEach((bucket, i) => {
      expect(minor(bucket.series.payments)).toBe(minor(one.buckets[i]?.series.payments ?? '0') + minor(other.buckets[i]?.series.payments ?? '0'));
    });
    expect(both.currencies).toEqual(['USD', 'CAD']);
    expect(both.accountIds).toEqual([acme.id, cn.id]);
  });

  it('never answers one merchant from another merchant’s cache entry', async () => {
    const cache = new TtlLru<FlowsDto>(50, 60_000);
    const orgA = randomUUID();
    const orgB = randomUUID();
    const a = connectionTo(env.sandbox, 'acme-shopline', orgA);
    // Same connection id in another organization: only the organization tells the entries apart.
    const b = { ...connectionTo(env.sandbox, 'cnstore', orgB), id: a.id };
    const query: FlowsQuery = { ...MARCH, currency: 'USD', account: a.id };

    const first = await aggregateFlows({ organizationId: orgA, timeZone: 'UTC' }, [a], query, { now: NOW, cache });
    const again = await aggregateFlows({ organizationId: orgA, timeZone: 'UTC' }, [a], query, { now: NOW, cache });
    const other = await aggregateFlows({ organizationId: orgB, timeZone: 'UTC' }, [b], query, { now: NOW, cache });
    const otherFresh = await aggregateFlows({ organizationId: orgB, timeZone: 'UTC' }, [b], query, { now: NOW, cache: null });

    expect(first.cached).toBe(false);
    expect(again).toEqual({ ...first, cached: true });
    expect(other.cached).toBe(false);
    expect({ ...other, generatedAt: '' }).toEqual({ ...otherFresh, generatedAt: '' });
    expect(other.totals).not.toEqual(first.totals);
    await expect(aggregateFlows({ organizationId: orgB, timeZone: 'UTC' }, [a], query, { now: NOW, cache })).rejects.toThrow(/another organization/);
  });

  it('caches a closed period for every currency seen, and never an open one', async () => {
    const cache = new TtlLru<FlowsDto>(50, 60_000);
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const scope = { organizationId: ORG_ID, timeZone: 'UTC' };
    const usd = await aggregateFlows(scope, [acme], MARCH, { now: NOW, cache });
    expect(usd.currency).toBe('USD');
    const cad = await aggregateFlows(scope, [acme], { ...MARCH, currency: 'CAD' }, { now: NOW, cache });
    expect(cad.cached).toBe(true);
    expect(cad.currency).toBe('CAD');
    const open = { range: { from: '2024-03-01', to: '2024-04-02' }, account: 'all' } satisfies FlowsQuery;
    await aggregateFlows(scope, [acme], open, { now: NOW, cache });
    expect((await aggregateFlows(scope, [acme], open, { now: NOW, cache })).cached).toBe(false);
  });

  it('reports the failure of a one-account query as a 502 with the trace id', async () => {
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'status', status: 503 });
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const query: FlowsQuery = { ...MARCH, account: acme.id };
    const error: unknown = await aggregateFlows({ organizationId: ORG_ID, timeZone: 'UTC' }, [acme], query, { now: NOW, cache: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).details.traceId).toEqual(expect.any(String));
  });

  it('answers "all accounts" with one failing account: the others’ totals, and that account named with its trace id', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const cn = connectionTo(env.sandbox, 'cnstore');
    const scope = { organizationId: ORG_ID, timeZone: 'UTC' };
    const query: FlowsQuery = { ...MARCH, currency: 'USD' };
    const cnAlone = await aggregateFlows(scope, [cn], { ...query, account: cn.id }, { now: NOW, cache: null });

    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'status', status: 503 });
    const cache = new TtlLru<FlowsDto>(50, 60_000);
    const partial = await aggregateFlows(scope, [acme, cn], query, { now: NOW, cache });

    expect(partial.totals).toEqual(cnAlone.totals);
    expect(partial.totals.count).toBeGreaterThan(0);
    expect(partial.accountIds).toEqual([cn.id]);
    expect(partial.failures).toEqual([
      {
        connectionId: acme.id,
        label: acme.label,
        provider: 'shopline',
        providerName: 'SHOPLINE Payments',
        kind: 'unavailable',
        message: expect.stringContaining('HTTP 503'),
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
        status: 503,
        retryAfterSeconds: null,
      },
    ]);
    expect(cnAlone.failures).toEqual([]);

    // Not cached: once the provider answers again, the next request counts every account.
    env.sandbox.faults.clear();
    const whole = await aggregateFlows(scope, [acme, cn], query, { now: NOW, cache });
    expect(whole.cached).toBe(false);
    expect(whole.failures).toEqual([]);
    expect(whole.accountIds).toEqual([acme.id, cn.id]);
    expect(whole.totals.count).toBeGreaterThan(partial.totals.count);
  });

  it('answers "all accounts" even when every account fails, naming each', async () => {
    env.sandbox.faults.add({ provider: 'shopline', path: 'balance_transactions.json', kind: 'status', status: 500 });
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const cn = connectionTo(env.sandbox, 'cnstore');
    const dto = await aggregateFlows({ organizationId: ORG_ID, timeZone: 'UTC' }, [acme, cn], MARCH, { now: NOW, cache: null });
    expect(dto.failures.map((f) => f.connectionId)).toEqual([acme.id, cn.id]);
    expect(dto.totals.count).toBe(0);
    expect(dto.accountIds).toEqual([]);
  });

  it('answers 400 for an account whose provider has no transactions', async () => {
    const gp = connectionTo(env.sandbox, 'acme-genpayment-us');
    const error: unknown = await aggregateFlows({ organizationId: ORG_ID, timeZone: 'UTC' }, [gp], MARCH, { now: NOW, cache: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 400, code: 'unsupported' });
  });
});
