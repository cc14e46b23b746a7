import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, startSandbox, type Fault, type Sandbox, type SandboxAccount } from '@/lib/sandbox';

type Of<P extends SandboxAccount['provider']> = Extract<SandboxAccount, { provider: P }>;
const byKey = <P extends SandboxAccount['provider']>(provider: P, key: string): Of<P> => {
  const found = SANDBOX_ACCOUNTS.find((a): a is Of<P> => a.provider === provider && a.key === key);
  if (!found) throw new Error(key);
  return found;
};
const gp = byKey('genpayment', 'acme-genpayment-us');
const sl = byKey('shopline', 'acme-shopline');
const nx = byKey('neox', 'globex-neox');
const API = '/admin/openapi/v20250601/payments/store/';

let sandbox: Sandbox;

const genpayment = () =>
  fetch(`${sandboxBaseUrl(sandbox.url, gp)}/api/202412/balance`, { headers: { 'X-Genstore-Access-Token': gp.accessToken } });
const shopline = (path: string) =>
  fetch(`${sandboxBaseUrl(sandbox.url, sl)}${API}${path}`, { headers: { Authorization: `Bearer ${sl.accessToken}` } });
const neoxToken = () =>
  fetch(`${sandboxBaseUrl(sandbox.url, nx)}/v2/auth/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: nx.clientId, client_secret: nx.clientSecret, scope: 'global-collection' }),
  });
async function neoxBalance() {
  const { data } = (await (await neoxToken()).json()) as { data: { access_token: string } };
  return fetch(`${sandboxBaseUrl(sandbox.url, nx)}/v2/gc/accounts/balance/query?subMerchantId=${nx.subMerchantId}`, {
    headers: { Authorization: `Bearer ${data.access_token}`, 'Content-Type': 'application/json' },
  });
}
const addOverHttp = (fault: Fault) =>
  fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) });

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false, anchor: new Date('2025-06-01T10:00:00Z') });
});
afterEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});
afterAll(async () => {
  await sandbox.close();
});

describe('sandbox faults', () => {
  it('status: answers the status with each provider\'s error body, `times` times, over HTTP too', async () => {
    expect((await addOverHttp({ provider: 'genpayment', kind: 'status', status: 503, times: 1 })).status).toBe(201);
    const first = await genpayment();
    expect(first.status).toBe(503);
    expect(Object.keys((await first.json()) as object)).toEqual(['error']);
    expect(first.headers.get('x-genstore-shop-api-rate-limit')).toMatch(/\/40$/);
    expect((await genpayment()).status).toBe(200);

    sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'payouts.json', kind: 'status', status: 500 });
    const failed = await shopline('payouts.json');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ errors: 'Internal Server Error' });
    expect(failed.headers.get('traceId')).toBeTruthy();
    expect((await shopline('balance.json')).status).toBe(200);

    sandbox.faults.add({ provider: 'neox', path: 'balance/query', kind: 'status', status: 502 });
    const neox = await neoxBalance();
    expect(neox.status).toBe(502);
    expect(await neox.json()).toMatchObject({ code: 2, state: 2, message: 'BAD_GATEWAY', data: null });
  });

  it('rate_limit: the provider\'s own 429', async () => {
    sandbox.faults.add({ provider: 'genpayment', kind: 'rate_limit' });
    sandbox.faults.add({ provider: 'shopline', kind: 'rate_limit' });
    sandbox.faults.add({ provider: 'neox', path: 'oauth2/token', kind: 'rate_limit' });
    const [g, s, n] = await Promise.all([genpayment(), shopline('balance.json'), neoxToken()]);
    expect([g.status, s.status, n.status]).toEqual([429, 429, 429]);
    expect(g.headers.get('x-genstore-shop-api-rate-limit')).toBe('40/40');
    expect(Object.keys((await g.json()) as object)).toEqual(['error']);
    expect(await s.json()).toEqual({ errors: 'Too many request' });
    expect(await n.json()).toMatchObject({ code: 2, message: 'TOO_MANY_REQUESTS' });
  });

  it('delay: holds the answer back', async () => {
    sandbox.faults.add({ provider: 'genpayment', kind: 'delay', delayMs: 300, times: 1 });
    const started = performance.now();
    expect((await genpayment()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('malformed_json: 200 with a truncated body', async () => {
    sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'malformed_json', times: 1 });
    const res = await shopline('balance_transactions.json?limit=3');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"transactions":[')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(((await (await shopline('balance_transactions.json?limit=3')).json()) as { transactions: unknown[] }).transactions).toHaveLength(3);
  });

  it('bad_amount: well-formed JSON with one non-decimal amount', async () => {
    sandbox.faults.add({ provider: 'genpayment', kind: 'bad_amount' });
    sandbox.faults.add({ provider: 'shopline', kind: 'bad_amount' });
    sandbox.faults.add({ provider: 'neox', kind: 'bad_amount' });
    const g = (await (await genpayment()).json()) as { balance: Record<string, string> };
    expect(g.balance.settlementedAmount).toBe('12,34');
    const s = (await (await shopline('balance_transactions.json?limit=2')).json()) as { transactions: Record<string, string>[] };
    expect(s.transactions[0]?.amount).toBe('12,34');
    expect(s.transactions[1]?.amount).toMatch(/^-?\d+\.\d{2}$/);
    const tokenStillWorks = await neoxToken();
    expect(tokenStillWorks.status).toBe(200);
    const n = (await (await neoxBalance()).json()) as { data: { balance: unknown }[] };
    expect(n.data[0]?.balance).toBe('abc');
    expect(typeof n.data[1]?.balance).toBe('number');
  });

  it('drop_transaction: the payout stays, one of its transactions disappears', async () => {
    const { payouts } = (await (await shopline('payouts.json?status=completed&limit=1')).json()) as { payouts: Record<string, string>[] };
    const payout = payouts[0];
    const before = (await (await shopline(`balance_transactions.json?payout_id=${payout?.id}`)).json()) as { transactions: Record<string, string>[] };
    sandbox.faults.add({ provider: 'shopline', kind: 'drop_transaction', payoutId: payout?.id });
    const after = (await (await shopline(`balance_transactions.json?payout_id=${payout?.id}`)).json()) as { transactions: Record<string, string>[] };
    expect(after.transactions).toHaveLength(before.transactions.length - 1);
    expect(after.transactions.some((t) => t.type === 'payout')).toBe(true);
    const unfiltered = (await (await shopline('balance_transactions.json?limit=10000')).json()) as { transactions: Record<string, string>[] };
    expect(unfiltered.transactions.filter((t) => t.payout_id === payout?.id)).toEqual(after.transactions);
    const again = (await (await shopline(`payout.json?payout_id=${payout?.id}`)).json()) as { payouts: Record<string, string>[] };
    expect(again.payouts[0]).toEqual(payout);
  });

  it('never touches the control endpoints', async () => {
    sandbox.faults.add({ provider: 'genpayment', kind: 'status', status: 500 });
    sandbox.faults.add({ provider: 'shopline', kind: 'status', status: 500 });
    sandbox.faults.add({ provider: 'neox', kind: 'status', status: 500 });
    expect((await fetch(`${sandbox.url}/__sandbox/health`)).status).toBe(200);
    expect(((await (await fetch(`${sandbox.url}/__sandbox/faults`)).json()) as { faults: Fault[] }).faults).toHaveLength(3);
    expect((await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await genpayment()).status).toBe(200);
  });
});
