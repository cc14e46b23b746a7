import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, startSandbox, type Sandbox, type SandboxAccount } from '@/lib/sandbox';
import { sandboxAccountsSchema } from '@/lib/sandbox/account-types';

type Of<P extends SandboxAccount['provider']> = Extract<SandboxAccount, { provider: P }>;
const byKey = <P extends SandboxAccount['provider']>(provider: P, key: string): Of<P> => {
  const found = SANDBOX_ACCOUNTS.find((a): a is Of<P> => a.provider === provider && a.key === key);
  if (!found) throw new Error(key);
  return found;
};
const acmeUs = byKey('genpayment', 'acme-genpayment-us');
const acmeJp = byKey('genpayment', 'acme-genpayment-jp');
const noscope = byKey('genpayment', 'noscope');
const acmeNeox = byKey('neox', 'acme-neox');
const globexNeox = byKey('neox', 'globex-neox');
const acmeShopline = byKey('shopline', 'acme-shopline');

let sandbox: Sandbox;
let limited: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  limited = await startSandbox({ neoxTokenTtlSeconds: 1 });
});
afterAll(async () => {
  await Promise.all([sandbox.close(), limited.close()]);
});

const genpayment = (sb: Sandbox, account: Of<'genpayment'>, token?: string) =>
  fetch(`${sandboxBaseUrl(sb.url, account)}/api/202412/balance`, {
    headers: token === undefined ? {} : { 'X-Genstore-Access-Token': token },
  });

async function neoxToken(sb: Sandbox, account: Of<'neox'>, secret = account.clientSecret) {
  return fetch(`${sandboxBaseUrl(sb.url, account)}/v2/auth/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: account.clientId, client_secret: secret, scope: 'global-collection' }),
  });
}

async function neoxBalance(
  sb: Sandbox,
  account: Of<'neox'>,
  token: string,
  query = `subMerchantId=${account.subMerchantId}`,
  contentType: string | null = 'application/json',
) {
  return fetch(`${sandboxBaseUrl(sb.url, account)}/v2/gc/accounts/balance/query?${query}`, {
    headers: { Authorization: `Bearer ${token}`, ...(contentType === null ? {} : { 'Content-Type': contentType }) },
  });
}

async function accessToken(sb: Sandbox, account: Of<'neox'>): Promise<string> {
  const body = (await (await neoxToken(sb, account)).json()) as { data: { access_token: string } };
  return body.data.access_token;
}

describe('sandbox accounts and control endpoints', () => {
  it('lists its accounts for the demo seed with each connection derived from its provider declaration', async () => {
    const body: unknown = await (await fetch(`${sandbox.url}/__sandbox/accounts`)).json();
    const { accounts } = sandboxAccountsSchema.parse(body);
    expect(accounts.map((a) => a.key).sort()).toEqual(SANDBOX_ACCOUNTS.map((a) => a.key).sort());
    const listed = (key: string) => accounts.find((a) => a.key === key);
    expect(listed('acme-shopline')?.connection).toEqual({ path: '/shopline/acme', settings: { handle: 'acme' }, credentials: { accessToken: acmeShopline.accessToken } });
    expect(listed('acme-neox')?.connection).toEqual({
      path: '/neox',
      settings: { subMerchantId: acmeNeox.subMerchantId },
      credentials: { clientId: acmeNeox.clientId, clientSecret: acmeNeox.clientSecret },
    });
    expect(sandboxBaseUrl(sandbox.url, listed('acme-genpayment-us') ?? acmeUs)).toBe(`${sandbox.url}/genpayment/acme-us`);
  });

  it('describes every account with stable, distinct credentials and base URLs', () => {
    expect(new Set(SANDBOX_ACCOUNTS.map((a) => a.key)).size).toBe(SANDBOX_ACCOUNTS.length);
    expect(acmeUs.accessToken).toMatch(/^gpat_[0-9a-f]{32}$/);
    expect(sandboxBaseUrl('http://h:1/', acmeUs)).toBe('http://h:1/genpayment/acme-us');
    expect(sandboxBaseUrl('http://h:1', acmeShopline)).toBe('http://h:1/shopline/acme');
    expect(sandboxBaseUrl('http://h:1', acmeNeox)).toBe('http://h:1/neox');
    expect(acmeNeox.subMerchantId.length).toBeLessThanOrEqual(15);
  });

  it('answers health, and rejects an invalid fault', async () => {
    expect(await (await fetch(`${sandbox.url}/__sandbox/health`)).json()).toEqual({ ok: true });
    const res = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: '{"provider":"neox","kind":"status"}' });
    expect(res.status).toBe(400);
  });
});

describe('GenPayment', () => {
  it('returns the balance as decimal strings in major units, with the rate-limit header', async () => {
    const res = await genpayment(sandbox, acmeUs, acmeUs.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-genstore-shop-api-rate-limit')).toMatch(/^\d+\/40$/);
    const { balance } = (await res.json()) as { balance: Record<string, string> };
    expect(balance).toMatchObject({ currency: 'USD', financeId: expect.stringMatching(/^FI\d+$/) });
    expect(balance.settlingAmount).toMatch(/^\d+\.\d{2}$/);
    expect(balance.settlementedAmount).toMatch(/^\d+\.\d{2}$/);
    const jp = (await (await genpayment(sandbox, acmeJp, acmeJp.accessToken)).json()) as { balance: Record<string, string> };
    expect(jp.balance.currency).toBe('JPY');
    expect(jp.balance.settlingAmount).toMatch(/^\d+$/);
  });

  it('401 for a missing or foreign token, 403 without the finance scope, all with {error}', async () => {
    for (const [res, status] of [
      [await genpayment(sandbox, acmeUs), 401],
      [await genpayment(sandbox, acmeUs, acmeJp.accessToken), 401],
      [await genpayment(sandbox, noscope, noscope.accessToken), 403],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.headers.get('x-genstore-shop-api-rate-limit')).toMatch(/^\d+\/40$/);
      expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string');
    }
  });

  it('answers 429 {error} once the 40-request bucket is empty', async () => {
    const results = await Promise.all(Array.from({ length: 45 }, () => genpayment(limited, acmeJp, acmeJp.accessToken)));
    const limitedRes = results.filter((r) => r.status === 429);
    expect(limitedRes.length).toBeGreaterThanOrEqual(4);
    expect(limitedRes[0]?.headers.get('x-genstore-shop-api-rate-limit')).toBe('40/40');
    expect(Object.keys((await limitedRes[0]?.json()) as object)).toEqual(['error']);
  });
});

describe('NeoX', () => {
  it('documented envelope: token, balances as strings, filters, errors with HTTP status', async () => {
    const tokenRes = await neoxToken(sandbox, acmeNeox);
    const token = (await tokenRes.json()) as Record<string, unknown> & { data: Record<string, unknown> };
    expect(token).toMatchObject({ code: '200', msg: 'success', success: true });
    expect(token.data).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'global-collection' });
    const bearer = String(token.data.access_token);

    const all = (await (await neoxBalance(sandbox, acmeNeox, bearer)).json()) as { data: Record<string, string>[] };
    expect(new Set(all.data.map((r) => r.currency))).toEqual(new Set(['USD', 'HKD', 'EUR', 'VND']));
    expect(new Set(all.data.map((r) => r.accountType))).toEqual(new Set(['FUND_ACCOUNT', 'VCC_ACCOUNT', 'REFUND_ACCOUNT']));
    for (const row of all.data) {
      expect(row.time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      const scale = row.currency === 'VND' ? 0 : 2;
      const minor = (v: string | undefined) => BigInt((v ?? '').replace('.', ''));
      expect(row.balance).toMatch(scale === 0 ? /^\d+$/ : /^\d+\.\d{2}$/);
      expect(minor(row.balance)).toBe(minor(row.availableBalance) + minor(row.frozenAmount));
    }
    const q = `subMerchantId=${acmeNeox.subMerchantId}&accountType=VCC_ACCOUNT&currency=USD`;
    const filtered = (await (await neoxBalance(sandbox, acmeNeox, bearer, q)).json()) as { data: Record<string, string>[] };
    expect(filtered.data.map((r) => [r.accountType, r.currency])).toEqual([['VCC_ACCOUNT', 'USD']]);

    for (const [query, status, msg] of [
      ['subMerchantId=ACME000000000011', 400, 'VALIDATION_ERROR'],
      [`subMerchantId=${acmeNeox.subMerchantId}&accountType=SAVINGS`, 400, 'VALIDATION_ERROR'],
      [`subMerchantId=${acmeNeox.subMerchantId}&currency=XYZ`, 400, 'VALIDATION_ERROR'],
      ['subMerchantId=NOPE00000000001', 404, 'RESOURCE_NOT_FOUND'],
    ] as const) {
      const res = await neoxBalance(sandbox, acmeNeox, bearer, query);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ code: String(status), msg, success: false, data: null });
    }
    for (const contentType of [null, 'text/plain']) {
      const res = await neoxBalance(sandbox, acmeNeox, bearer, undefined, contentType);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: '400', msg: 'VALIDATION_ERROR', success: false, data: null });
    }
    expect((await neoxBalance(sandbox, acmeNeox, bearer, undefined, 'application/json; charset=utf-8')).status).toBe(200);
    const invalid = await neoxBalance(sandbox, acmeNeox, 'not-a-token');
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toEqual({ code: '401', msg: 'INVALID_TOKEN', success: false, data: null });
    const wrongSecret = await neoxToken(sandbox, acmeNeox, 'nxs_wrong');
    expect(wrongSecret.status).toBe(401);
  });

  it('wider envelope: exact JSON numbers (17+ digits), JPY, a mismatch row, business errors on HTTP 200', async () => {
    const bearer = await accessToken(sandbox, globexNeox);
    const res = await neoxBalance(sandbox, globexNeox, bearer);
    const text = await res.text();
    expect(text).toContain('"balance":98765432109876543.21');
    expect(text).toMatch(/"currency":"JPY","balance":\d+,/);
    const body = JSON.parse(text) as { code: number; state: number; message: string; neoResponseId: string; data: { balance: unknown; accountType: string; currency: string }[] };
    expect(body).toMatchObject({ code: 1, state: 2, message: 'Successful' });
    expect(body.neoResponseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data.every((r) => typeof r.balance === 'number')).toBe(true);
    expect(text).toContain('"accountType":"REFUND_ACCOUNT","currency":"GBP","balance":1520.40,"availableBalance":1500.00,"frozenAmount":20.00');

    const invalid = await neoxBalance(sandbox, globexNeox, 'expired-or-unknown');
    expect(invalid.status).toBe(200);
    expect(await invalid.json()).toMatchObject({ code: 2, state: 2, message: 'INVALID_TOKEN', data: null });
    const foreign = await neoxBalance(sandbox, globexNeox, bearer, `subMerchantId=${acmeNeox.subMerchantId}`);
    expect(await foreign.json()).toMatchObject({ code: 2, message: 'RESOURCE_NOT_FOUND' });
  });

  it('expires tokens after their TTL and rate-limits at 10 requests per second', async () => {
    const bearer = await accessToken(limited, acmeNeox);
    expect((await neoxBalance(limited, acmeNeox, bearer)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await neoxBalance(limited, acmeNeox, bearer);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ msg: 'INVALID_TOKEN' });

    const fresh = await accessToken(limited, globexNeox);
    const burst = await Promise.all(Array.from({ length: 30 }, () => neoxBalance(limited, globexNeox, fresh)));
    const tooMany = burst.filter((r) => r.status === 429);
    expect(tooMany.length).toBeGreaterThan(0);
    expect(await tooMany[0]?.json()).toMatchObject({ code: 2, message: 'TOO_MANY_REQUESTS' });
  });
});

describe('SHOPLINE rate limit', () => {
  it('answers 429 {"errors":"Too many request"} past a burst of 40', async () => {
    const url = `${sandboxBaseUrl(limited.url, acmeShopline)}/admin/openapi/v20250601/payments/store/balance.json`;
    const headers = { Authorization: `Bearer ${acmeShopline.accessToken}` };
    const results = await Promise.all(Array.from({ length: 45 }, () => fetch(url, { headers })));
    const tooMany = results.filter((r) => r.status === 429);
    expect(tooMany.length).toBeGreaterThanOrEqual(4);
    expect(await tooMany[0]?.json()).toEqual({ errors: 'Too many request' });
    expect(tooMany[0]?.headers.get('traceId')).toBeTruthy();
  });
});
