import { describe, expect, it } from 'vitest';
import { BudgetRegistry } from '@/lib/connections/budget/registry';
import { ResponseCache } from '@/lib/connections/cache/cached';
import { MemoryCacheStore } from '@/lib/connections/cache/store';
import { withPayoutCache } from '@/lib/connections/cached-payouts';
import type { ProviderRuntime } from '@/lib/connections/runtime';
import { toCurrency } from '@/lib/domain/currencies';
import { parseMoney } from '@/lib/domain/money';
import type { Payout, PayoutStatus } from '@/lib/domain/transaction';
import type { ProviderClient } from '@/lib/providers/types';

const usd = toCurrency('USD');
const payout = (id: string, status: PayoutStatus): Payout => ({ id, amount: parseMoney('1234.56', usd), status, date: '2024-03-01T10:00:00+08:00' });

function fakeClient(payouts: Record<string, Payout>) {
  const calls = { list: 0, get: 0 };
  const client: ProviderClient = {
    provider: 'shopline',
    transactions: null,
    getBalances: async () => [],
    payouts: {
      maxPageSize: 1000,
      listPayouts: async () => {
        calls.list += 1;
        return { items: Object.values(payouts), nextCursor: 'next', previousCursor: null };
      },
      getPayout: async (id) => {
        calls.get += 1;
        return payouts[id] ?? null;
      },
    },
  };
  return { client, calls };
}

function runtime(): ProviderRuntime {
  return {
    budgets: new BudgetRegistry({ redis: null, keyPrefix: 't:' }),
    cache: new ResponseCache(new MemoryCacheStore()),
    tokenStore: undefined,
    keyPrefix: 't:',
  };
}

describe('payouts from the response cache', () => {
  it('answers a repeated list from the cache, with exact amounts', async () => {
    const { client, calls } = fakeClient({ '1': payout('1', 'completed') });
    const cached = withPayoutCache(client, { id: 'conn', organizationId: 'org' }, runtime());
    const first = await cached.payouts?.listPayouts({ limit: 10 });
    const second = await cached.payouts?.listPayouts({ limit: 10 });
    expect(calls.list).toBe(1);
    expect(second).toEqual(first);
    expect(second?.items[0]?.amount.minor).toBe(123456n);
    await cached.payouts?.listPayouts({ limit: 20 });
    expect(calls.list).toBe(2);
  });

  it('keeps each organisation’s payouts to itself, even for the same connection id', async () => {
    const shared = runtime();
    const a = fakeClient({ '1': payout('1', 'completed') });
    const b = fakeClient({ '1': payout('1', 'completed') });
    await withPayoutCache(a.client, { id: 'conn', organizationId: 'org-a' }, shared).payouts?.getPayout('1');
    await withPayoutCache(b.client, { id: 'conn', organizationId: 'org-b' }, shared).payouts?.getPayout('1');
    expect([a.calls.get, b.calls.get]).toEqual([1, 1]);
  });

  it('remembers a payout that exists, never one that does not (it may appear)', async () => {
    const { client, calls } = fakeClient({ '1': payout('1', 'in_progress') });
    const cached = withPayoutCache(client, { id: 'conn', organizationId: 'org' }, runtime());
    expect(await cached.payouts?.getPayout('1')).toMatchObject({ id: '1', status: 'in_progress' });
    await cached.payouts?.getPayout('1');
    expect(await cached.payouts?.getPayout('2')).toBeNull();
    expect(await cached.payouts?.getPayout('2')).toBeNull();
    expect(calls.get).toBe(3);
  });
});
