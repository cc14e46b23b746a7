import { describe, expect, it } from 'vitest';
import { toCurrency } from '@/lib/domain/currencies';
import { add, parseMoney, toDecimalString, type Money } from '@/lib/domain/money';
import type { PayoutDto } from '@/lib/payouts/schema';
import { listPayouts } from '@/lib/payouts/service';
import { payoutTotals } from '@/lib/payouts/totals';
import { codec, connectionTo, sandboxPerSuite } from './support';

const env = sandboxPerSuite();
const SECRET = 'integration-test-secret-0123456789abcdef';

describe('payout totals against the sandbox (SHOPLINE)', () => {
  it('counts and sums the range’s payouts per status and currency, as the full listing has them', async () => {
    const acme = connectionTo(env.sandbox, 'acme-shopline');
    const range = { from: '2024-01-01', to: '2024-03-15' };
    const listed: PayoutDto[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listPayouts(acme, { limit: 250, ...range, cursor }, { codec, timeZone: 'UTC' });
      listed.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = new Map<string, { count: number; sum: Money }>();
    for (const payout of listed) {
      const key = `${payout.status ?? 'none'}|${payout.currency}`;
      const amount = parseMoney(payout.amount, toCurrency(payout.currency));
      const seen = expected.get(key);
      expected.set(key, { count: (seen?.count ?? 0) + 1, sum: seen ? add(seen.sum, amount) : amount });
    }

    const totals = await payoutTotals(acme, range, { timeZone: 'UTC', secret: SECRET });
    expect(totals.complete).toBe(true);
    expect(new Set(listed.map((p) => p.status)).size).toBeGreaterThan(1);
    const got = new Map(totals.groups.map((g) => [`${g.status ?? 'none'}|${g.currency}`, { count: g.count, amount: g.amount }]));
    expect(got).toEqual(new Map([...expected].map(([key, v]) => [key, { count: v.count, amount: toDecimalString(v.sum) }])));
  });
});
