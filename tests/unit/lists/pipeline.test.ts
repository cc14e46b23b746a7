import { describe, expect, it } from 'vitest';
import { transactionSource } from '@/lib/balance-transactions/source';
import type { LoadedConnection } from '@/lib/connections/client';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { declaredFacts, listPage, listTotals, type ListSpec } from '@/lib/lists/pipeline';
import { createCursorCodec } from '@/lib/paging/cursor';
import { providerDefinition } from '@/lib/providers/registry';
import type { ProviderId } from '@/lib/providers/types';
import { transactionsList } from '@/lib/transactions/service';
import { FakeTransactionsApi, history } from '@/tests/support/fake-transactions-api';

process.env.FUNDSIGHT_LOG = 'silent';

const codec = createCursorCodec('pipeline-test-secret');
const connectionOf = (provider: ProviderId): LoadedConnection => ({
  id: 'conn_00000000000000000000000000000001',
  organizationId: 'org-1',
  provider,
  label: 'Test',
  baseUrl: 'https://example.test',
  settings: {},
  credentials: {},
});

interface Query {
  readonly limit: number;
  readonly cursor?: string;
  readonly from?: string;
  readonly to?: string;
  readonly tz?: string;
  readonly local?: boolean;
}

/** A list over a fake provider that knows no page size of its own: every limit the walk uses comes from the declaration. */
function fakeList(api: FakeTransactionsApi, kind: 'transactions' | 'payouts' = 'transactions'): ListSpec<Query, FakeTransactionsApi, BalanceTransaction, string> {
  return {
    kind,
    api: () => api,
    view: (query, timeZone) => JSON.stringify([query.limit, query.from ?? null, query.to ?? null, query.local ?? false, timeZone]),
    source: (fake, query, range, options) => transactionSource(fake, { range, types: query.local ? ['payment'] : undefined }, options),
    filtersHere: (query) => query.local === true,
    toDto: (row) => row.id,
  };
}

describe('the list pipeline reads the provider declaration', () => {
  const shopline = connectionOf('shopline');
  const declared = providerDefinition('shopline').pageLimits;

  it("refuses a page size above the provider's declared limit for that list, naming limit and the provider", async () => {
    const api = new FakeTransactionsApi(history(10));
    const payoutsLimit = declared.payouts ?? 0;
    const error = await listPage(fakeList(api, 'payouts'), shopline, { limit: payoutsLimit + 1 }, { codec }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'invalid_parameter' });
    expect((error as Error).message).toBe(`Invalid query parameter "limit": must be at most ${payoutsLimit} for SHOPLINE Payments.`);
    expect(api.calls).toEqual([]);
    await expect(listPage(fakeList(api, 'payouts'), shopline, { limit: payoutsLimit }, { codec })).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it('asks the provider for pages no larger than it declares when filtering here', async () => {
    const api = new FakeTransactionsApi(history(30));
    await listTotals(fakeList(api, 'payouts'), shopline, { limit: 50, local: true }, { fields: [], add: () => undefined }, { secret: 's' });
    expect(api.calls[0]?.limit).toBe(Math.min(2_500, declared.payouts ?? 0));
  });

  it('answers unsupported for a provider that declares no such list', () => {
    expect(() => declaredFacts(connectionOf('genpayment'), 'transactions')).toThrow(expect.objectContaining({ status: 400, code: 'unsupported' }));
  });

  it("refuses a payout_id filter its provider's declared id format rules out", () => {
    const facts = declaredFacts(shopline, 'transactions');
    expect(() => transactionsList.check?.({ limit: 50, payout_id: 'PO_1' }, facts)).toThrow(
      expect.objectContaining({ status: 400, message: 'Invalid query parameter "payout_id": not a SHOPLINE Payments payout id.' }),
    );
    expect(() => transactionsList.check?.({ limit: 50, payout_id: '202206161756376480011199999' }, facts)).not.toThrow();
    const anyFormat = { ...facts, idFormats: { payoutId: null, transactionId: null } };
    expect(() => transactionsList.check?.({ limit: 50, payout_id: 'PO_1' }, anyFormat)).not.toThrow();
  });

  it('pages through the walk and back with the cursors it signs', async () => {
    const api = new FakeTransactionsApi(history(25));
    const list = fakeList(api);
    const first = await listPage(list, shopline, { limit: 10 }, { codec });
    const second = await listPage(list, shopline, { limit: 10, cursor: first.nextCursor ?? undefined }, { codec });
    const back = await listPage(list, shopline, { limit: 10, cursor: second.previousCursor ?? undefined }, { codec });
    expect(first.items).toHaveLength(10);
    expect(second.items[0]).not.toBe(first.items[0]);
    expect(back.items).toEqual(first.items);
    const other = await listPage(list, shopline, { limit: 20, cursor: first.nextCursor ?? undefined }, { codec }).catch((e: unknown) => e);
    expect(other).toMatchObject({ status: 400, code: 'invalid_parameter' });
  });
});
