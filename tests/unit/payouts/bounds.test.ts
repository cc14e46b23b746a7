import { describe, expect, it } from 'vitest';
import type { BalanceTransaction, ProviderPage } from '@/lib/domain/transaction';
import { readPayoutTransactions } from '@/lib/payouts/service';
import type { TransactionListInput, TransactionsApi } from '@/lib/providers/types';
import { row } from '@/tests/support/fake-transactions-api';

/** Ignores the payout filter: every page holds another payout's rows and a further cursor, for ever. */
class ForeignRowsForever implements TransactionsApi {
  readonly maxPageSize = 50;
  calls = 0;
  async listTransactions(input: TransactionListInput): Promise<ProviderPage<BalanceTransaction>> {
    this.calls += 1;
    const items = Array.from({ length: input.limit }, (_, i) => row(i, input.limit, { payoutId: 'someone-else' }));
    return { items, nextCursor: `page-${this.calls}`, previousCursor: null };
  }
}

describe("a payout's transactions", () => {
  it('stop after 2 x maxRows / pageSize + 1 pages when the provider never ends, marked truncated', async () => {
    const api = new ForeignRowsForever();
    const result = await readPayoutTransactions(api, '123', { maxRows: 500, signal: new AbortController().signal });
    expect(result).toEqual({ rows: [], truncated: true });
    expect(api.calls).toBe(21);
  });
});
