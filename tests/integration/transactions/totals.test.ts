import { describe, expect, it } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { parseMoney, toDecimalString, add, zero } from '@/lib/domain/money';
import { toCurrency } from '@/lib/domain/currencies';
import type { TransactionsQuery } from '@/lib/list-query/transactions-url';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import { listTransactions } from '@/lib/transactions/service';
import { transactionTotals } from '@/lib/transactions/totals';
import { codec, connectionTo, sandboxPerSuite } from './support';

const env = sandboxPerSuite();
const SECRET = 'integration-test-secret-0123456789abcdef';

async function everyRow(connection: LoadedConnection, query: TransactionsQuery): Promise<TransactionDto[]> {
  const rows: TransactionDto[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const page = await listTransactions(connection, { ...query, cursor }, { codec, timeZone: 'UTC', budget: { maxProviderPages: 50 } });
    rows.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return rows;
}

/** The same sums the slow way: every listed row, parsed and added per currency. */
function sumsOf(rows: readonly TransactionDto[]) {
  const by = new Map<string, { count: number; amount: ReturnType<typeof zero>; fee: ReturnType<typeof zero>; net: ReturnType<typeof zero> }>();
  for (const row of rows) {
    const currency = toCurrency(row.currency);
    const seen = by.get(row.currency) ?? { count: 0, amount: zero(currency), fee: zero(currency), net: zero(currency) };
    by.set(row.currency, {
      count: seen.count + 1,
      amount: add(seen.amount, parseMoney(row.amount, currency)),
      fee: add(seen.fee, parseMoney(row.fee, currency)),
      net: add(seen.net, parseMoney(row.net, currency)),
    });
  }
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => ({ currency, count: s.count, amount: toDecimalString(s.amount), fee: toDecimalString(s.fee), net: toDecimalString(s.net) }));
}

describe('transaction totals against the sandbox (SHOPLINE)', () => {
  it('counts and sums every filtered row exactly, per currency', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const query: TransactionsQuery = { limit: 1000, type: ['payment', 'refund'], from: '2024-03-01', to: '2024-03-20' };
    const totals = await transactionTotals(acme, query, { timeZone: 'UTC', secret: SECRET });
    const rows = await everyRow(acme, query);
    expect(rows.length).toBeGreaterThan(50);
    expect(totals).toMatchObject({ complete: true, resume: null, count: rows.length });
    expect(totals.currencies).toEqual(sumsOf(rows));
    expect(new Set(totals.currencies.map((c) => c.currency)).size).toBe(totals.currencies.length);
  });

  it('stops at its budget marked partial, and resumes to the same figures', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const query: TransactionsQuery = { limit: 100, payout_status: 'completed' };
    const whole = await transactionTotals(acme, query, { timeZone: 'UTC', secret: SECRET, budget: { maxProviderPages: 1_000, timeBudgetMs: 60_000 } });
    let step = await transactionTotals(acme, query, { timeZone: 'UTC', secret: SECRET, pageSize: 100, budget: { maxProviderPages: 1 } });
    expect(step).toMatchObject({ complete: false, resume: expect.any(String) });
    expect(step.count).toBeLessThan(whole.count);
    for (let steps = 0; !step.complete && steps < 200; steps++) {
      step = await transactionTotals(acme, query, {
        timeZone: 'UTC',
        secret: SECRET,
        pageSize: 100,
        resume: step.resume ?? undefined,
        budget: { maxProviderPages: 3 },
      });
    }
    expect(step).toEqual(whole);
  });

  it('refuses a resume token that was altered or made for other filters', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const partial = await transactionTotals(acme, { limit: 100 }, { timeZone: 'UTC', secret: SECRET, pageSize: 100, budget: { maxProviderPages: 1 } });
    const token = partial.resume ?? '';
    await expect(transactionTotals(acme, { limit: 100, type: ['payment'] }, { timeZone: 'UTC', secret: SECRET, resume: token })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('"resume"'),
    });
    const altered = `${token.slice(0, 10)}x${token.slice(11)}`;
    await expect(transactionTotals(acme, { limit: 100 }, { timeZone: 'UTC', secret: SECRET, resume: altered })).rejects.toMatchObject({ status: 400 });
  });
});
