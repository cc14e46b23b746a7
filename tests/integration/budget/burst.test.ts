import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetRegistry } from '@/lib/connections/budget/registry';
import { createProviderClient, rateBudgetFor } from '@/lib/providers/registry';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, startSandbox, type AccountStats, type Sandbox } from '@/lib/sandbox';
import { connect, uniquePrefix } from './redis';

const CALLS = 200;
const DOCUMENTED_BURST = 40;
const DOCUMENTED_RATE = 4;

const acme = SANDBOX_ACCOUNTS.find((a) => a.key === 'acme-shopline');
if (!acme || acme.provider !== 'shopline') throw new Error('no acme SHOPLINE store in the sandbox');

async function stats(sandbox: Sandbox): Promise<Record<string, AccountStats>> {
  const response = await fetch(`${sandbox.url}/__sandbox/stats`);
  return ((await response.json()) as { accounts: Record<string, AccountStats> }).accounts;
}

describe('a burst of calls for one SHOPLINE store, against the sandbox with its documented limits on', () => {
  let sandbox: Sandbox;
  const redis = connect();
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, rateLimits: true });
  });
  afterAll(async () => {
    redis.disconnect();
    await sandbox.close();
  });

  it(`${CALLS} calls at once all succeed, reach the store at ≤ ${DOCUMENTED_RATE}/s after the burst, and draw no 429`, async () => {
    const baseUrl = sandboxBaseUrl(sandbox.url, acme);
    const settings = { handle: acme.handle };
    const budget = new BudgetRegistry({ redis, keyPrefix: uniquePrefix('burst') }).gate(
      'shopline',
      rateBudgetFor({ provider: 'shopline', baseUrl, settings }),
    );
    const client = createProviderClient({
      provider: 'shopline',
      baseUrl,
      settings,
      credentials: { accessToken: acme.accessToken },
      http: { budget, maxWaitMs: 120_000 },
    });
    const transactions = client.transactions;
    if (!transactions) throw new Error('SHOPLINE client without transactions');

    const pages = await Promise.all(Array.from({ length: CALLS }, () => transactions.listTransactions({ limit: 5 })));
    expect(pages.every((page) => page.items.length === 5)).toBe(true);

    const store = (await stats(sandbox))['shopline:acme'];
    expect(store).toMatchObject({ requests: CALLS, rateLimited: 0 });
    const arrivals = store?.arrivals ?? [];
    const afterBurst = arrivals.slice(DOCUMENTED_BURST);
    const spanSeconds = ((afterBurst.at(-1) ?? 0) - (afterBurst[0] ?? 0)) / 1000;
    const rate = (afterBurst.length - 1) / spanSeconds;
    expect(rate).toBeLessThanOrEqual(DOCUMENTED_RATE + 0.05);
    // And not needlessly slower: the budget uses the documented rate, not a fraction of it.
    expect(rate).toBeGreaterThanOrEqual(DOCUMENTED_RATE * 0.85);
  }, 120_000);

  it('the sandbox counts what it served and the 429s it sent, per account, until reset', async () => {
    await sandbox.faults.add({ provider: 'genpayment', account: 'acme-us', kind: 'rate_limit', times: 1, retryAfter: '30' });
    const genpayment = SANDBOX_ACCOUNTS.find((a) => a.key === 'acme-genpayment-us');
    if (!genpayment || genpayment.provider !== 'genpayment') throw new Error('no acme-us shop');
    const url = `${sandboxBaseUrl(sandbox.url, genpayment)}/api/202412/balance`;
    const headers = { 'X-Genstore-Access-Token': genpayment.accessToken };
    const limited = await fetch(url, { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect((await fetch(url, { headers })).status).toBe(200);
    expect((await stats(sandbox))['genpayment:acme-us']).toMatchObject({
      requests: 2,
      rateLimited: 1,
      byPath: { '/api/202412/balance': { requests: 2, rateLimited: 1 } },
    });
    expect((await fetch(`${sandbox.url}/__sandbox/stats`, { method: 'DELETE' })).ok).toBe(true);
    expect(await stats(sandbox)).toEqual({});
  });
});
