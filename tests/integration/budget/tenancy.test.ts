import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountBalances } from '@/lib/balances/service';
import { getDb } from '@/lib/db';
import { createConnection, type ConnectionSummary } from '@/lib/db/connections';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, startSandbox, type AccountStats, type Sandbox } from '@/lib/sandbox';
import { emptyDatabase } from '../db/databases';
import { newOrganization } from '../db/fixtures';
import { REDIS_URL, uniquePrefix } from './redis';

const shop = SANDBOX_ACCOUNTS.find((a) => a.key === 'acme-genpayment-us');
if (!shop || shop.provider !== 'genpayment') throw new Error('no acme-us shop in the sandbox');

describe('the balances cache in Redis, with two organisations connected to one shop', () => {
  let sandbox: Sandbox;
  let drop: () => Promise<void>;
  let right: ConnectionSummary;
  let wrong: ConnectionSummary;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, rateLimits: true });
    const database = await emptyDatabase('postgres');
    drop = database.drop;
    if (database.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    process.env.DATABASE_URL = database.config.url;
    process.env.REDIS_URL = REDIS_URL;
    process.env.REDIS_KEY_PREFIX = uniquePrefix('tenancy');
    process.env.FUNDSIGHT_LOG = 'silent';
    const db = await getDb();
    const base = { provider: 'genpayment' as const, baseUrl: sandboxBaseUrl(sandbox.url, shop), settings: { shop: shop.shop } };
    const a = await newOrganization(db, 'Rightful');
    const b = await newOrganization(db, 'Other');
    right = await createConnection(db, { ...base, organizationId: a.id, label: 'Shop', credentials: { accessToken: shop.accessToken } });
    // The same shop, but this organisation's token is not valid there: it must never see the other's figures.
    wrong = await createConnection(db, { ...base, organizationId: b.id, label: 'Shop', credentials: { accessToken: 'gpat_not_valid' } });
  });
  afterAll(async () => {
    await (await getDb()).close();
    await drop();
    await sandbox.close();
  });

  const served = async () => {
    const body = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { accounts: Record<string, AccountStats> };
    return body.accounts[`genpayment:${shop.shop}`]?.requests ?? 0;
  };

  it('answers the second load of one organisation from the cache, saying when the figures were fetched', async () => {
    const first = await loadAccountBalances(right.organizationId, right);
    expect(first.status).toBe('ok');
    const second = await loadAccountBalances(right.organizationId, right);
    expect(second).toEqual(first);
    expect(await served()).toBe(1);
  });

  it('never serves one organisation’s cached balances to another on the same shop', async () => {
    const other = await loadAccountBalances(wrong.organizationId, wrong);
    expect(other.status).toBe('error');
    expect(other).toMatchObject({ error: { kind: 'auth' } });
    expect(JSON.stringify(other)).not.toContain('lines');
    expect(await served()).toBe(2);
  });

  it('refresh goes past the cache to the provider, and the next load gets the fresh figures', async () => {
    const cached = await loadAccountBalances(right.organizationId, right);
    const fresh = await loadAccountBalances(right.organizationId, right, { refresh: true });
    expect(await served()).toBe(3);
    expect(Date.parse(fresh.fetchedAt)).toBeGreaterThan(Date.parse(cached.fetchedAt));
    expect((await loadAccountBalances(right.organizationId, right)).fetchedAt).toBe(fresh.fetchedAt);
  });
});
