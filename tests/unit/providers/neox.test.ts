import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProviderError } from '@/lib/providers/errors';
import type { HttpOptions, LogEntry } from '@/lib/providers/http';
import { parseJsonLossless } from '@/lib/providers/json';
import { clearNeoxTokenCache, neox } from '@/lib/providers/neox';
import { envelopeFailure } from '@/lib/providers/neox/client';
import { mapBalances } from '@/lib/providers/neox/map';
import { balanceResponseSchema } from '@/lib/providers/neox/schemas';
import { refreshTime } from '@/lib/providers/neox/token';
import { byPath, fixture, scriptedFetch, testHttp, thrown, type Reply } from './support';

const ctx = { provider: 'neox' as const, traceId: null, timeZone: 'Asia/Hong_Kong' };
const envelope = (text: string) => balanceResponseSchema.parse(parseJsonLossless(text));

describe('NeoX envelopes and mapping', () => {
  it('maps the documented envelope example (string amounts)', () => {
    const parsed = envelope(fixture('neox-balance-documented.json'));
    expect(envelopeFailure(parsed)).toBeNull();
    const [line] = mapBalances(parsed.data ?? [], ctx);
    expect(line).toEqual({
      key: 'FA0000000001',
      subLabel: 'Fund account · FA0000000001',
      currency: 'USD',
      settling: null,
      available: { minor: 10001n, currency: 'USD' },
      frozen: { minor: 10004n, currency: 'USD' },
      total: { minor: 20005n, currency: 'USD' },
      asOf: new Date('2024-05-01T04:30:45Z'), // 12:30:45 in Hong Kong
      warnings: [],
    });
  });

  it('maps the wider envelope with JSON-number amounts without losing a digit, and flags a mismatch', () => {
    const parsed = envelope(fixture('neox-balance-wider.json'));
    expect(parsed).toMatchObject({ outcome: 'success', responseId: 'NEO-7f3a9c' });
    const [big, jpy] = mapBalances(parsed.data ?? [], ctx);
    expect(big?.total.minor).toBe(9876543210987654321n);
    expect(big?.available?.minor).toBe(9876543210987654300n);
    expect(big?.frozen?.minor).toBe(21n);
    expect(big?.warnings).toEqual([]);
    expect(jpy?.total).toEqual({ minor: 1200n, currency: 'JPY' });
    expect(jpy?.warnings).toEqual([
      { kind: 'total_mismatch', reportedTotal: { minor: 1200n, currency: 'JPY' }, sumOfParts: { minor: 1100n, currency: 'JPY' } },
    ]);
  });

  it.each([
    ['{"code":2,"state":3,"message":"INVALID_TOKEN","data":null}', 'auth', false],
    ['{"code":2,"message":"VALIDATION_ERROR","data":null}', 'invalid_request', false],
    ['{"code":2,"message":"RESOURCE_NOT_FOUND"}', 'not_found', false],
    ['{"code":2,"message":"SUB_MERCHANT_NOT_ACTIVATED","data":{}}', 'forbidden', false],
    ['{"code":2,"message":"SOMETHING_NEW","data":null}', 'invalid_request', false],
    ['{"code":99,"state":1,"message":"Processing","data":null}', 'unavailable', true],
    ['{"code":2,"state":2,"message":"TOO_MANY_REQUESTS","data":null}', 'rate_limited', true],
    ['{"code":"E001","msg":"INVALID_TOKEN","success":false,"data":null}', 'auth', false],
  ])('%s -> %s (retryable %s)', (text, kind, retryable) => {
    expect(envelopeFailure(envelope(text))).toMatchObject({ kind, retryable });
  });

  it.each([
    ['an unknown currency', { currency: 'XXX' }, 'data[0].currency'],
    ['a non-decimal string amount', { balance: '200,05' }, 'data[0].balance'],
    ['a time in another format', { time: '01/05/2024 12:30:45' }, 'data[0].time'],
    ['a time with an impossible offset', { time: '2024-05-01T12:30:45+25:00' }, 'data[0].time'],
    ['an impossible date', { time: '2024-02-30 10:00:00' }, 'data[0].time'],
  ])('rejects %s as bad_response', (_name, patch, field) => {
    const row = { accountNo: 'A1', accountType: 'FUND_ACCOUNT', currency: 'USD', balance: '2', availableBalance: '1', frozenAmount: '1', time: '2024-05-01 00:00:00' };
    const error = thrown(() => mapBalances([{ ...row, ...patch }], ctx));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'bad_response' });
    expect((error as Error).message).toContain(field);
  });

  it('renews with min(60 s, 10% of the lifetime) to spare', () => {
    expect(refreshTime(0, 3600)).toBe(3_540_000);
    expect(refreshTime(0, 300)).toBe(270_000);
    expect(refreshTime(0, 2)).toBe(1_800);
    expect(refreshTime(0, 0)).toBe(0);
  });
});

const BASE = 'https://neox.sandbox.example.test';
const TOKEN = '/v2/auth/oauth2/token';
const BALANCE = '/v2/gc/accounts/balance/query';
const SECRET = 'cs_super_secret_value';
const token = (n: number, expiresIn = 3600): Reply => ({
  body: { code: 1, state: 2, message: 'Successful', data: { access_token: `tok-${n}`, token_type: 'bearer', expires_in: expiresIn, scope: 'global-collection' } },
});
const balance: Reply = { body: fixture('neox-balance-documented.json') };

function client(routes: Record<string, readonly Reply[]>, http: Partial<HttpOptions> = {}) {
  const scripted = scriptedFetch(byPath(routes));
  const logs: LogEntry[] = [];
  const instance = neox.createClient({
    baseUrl: BASE,
    settings: neox.settingsSchema.parse({ subMerchantId: 'ACME00000000001' }),
    credentials: { clientId: 'client-1', clientSecret: SECRET },
    timestampZone: neox.timestampZone,
    http: testHttp({ fetch: scripted.fetch, log: (e) => logs.push(e), ...http }),
  });
  const count = (path: string) => scripted.calls.filter((c) => new URL(c.url).pathname === path).length;
  return { instance, calls: scripted.calls, count, logs };
}

describe('NeoX client', () => {
  beforeEach(() => clearNeoxTokenCache());
  afterEach(() => vi.useRealTimers());

  it('requests a client-credentials token, then the balance with it', async () => {
    const { instance, calls } = client({ [TOKEN]: [token(1)], [BALANCE]: [balance] });
    await expect(instance.getBalances()).resolves.toHaveLength(1);
    expect(calls[0]?.method).toBe('POST');
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: SECRET,
      scope: 'global-collection',
    });
    expect(calls[1]?.url).toBe(`${BASE}${BALANCE}?subMerchantId=ACME00000000001`);
    expect(calls[1]?.headers.authorization).toBe('Bearer tok-1');
    expect(calls[1]?.headers['content-type']).toBe('application/json');
  });

  it('reuses a cached token, shares one refresh between concurrent calls, and renews near expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-01T00:00:00Z'));
    const { instance, count, calls } = client({ [TOKEN]: [token(1, 600), token(2, 600)], [BALANCE]: [balance] });
    await Promise.all([instance.getBalances(), instance.getBalances(), instance.getBalances()]);
    await instance.getBalances();
    expect(count(TOKEN)).toBe(1);
    vi.setSystemTime(new Date('2024-05-01T00:09:30Z'));
    await instance.getBalances();
    expect(count(TOKEN)).toBe(2);
    expect(calls.at(-1)?.headers.authorization).toBe('Bearer tok-2');
  });

  it.each<[string, Reply]>([
    ['HTTP 401', { status: 401, body: { code: 2, message: 'INVALID_TOKEN' } }],
    ['envelope INVALID_TOKEN', { body: { code: 2, state: 3, message: 'INVALID_TOKEN', data: null } }],
  ])('drops a rejected token and retries once with a fresh one (%s)', async (_name, rejected) => {
    const { instance, count, calls } = client({ [TOKEN]: [token(1), token(2)], [BALANCE]: [rejected, balance] });
    await expect(instance.getBalances()).resolves.toHaveLength(1);
    expect(count(TOKEN)).toBe(2);
    expect(calls.at(-1)?.headers.authorization).toBe('Bearer tok-2');
  });

  it('gives up after one fresh token is also refused', async () => {
    const rejected: Reply = { status: 401, body: { code: 2, message: 'INVALID_TOKEN', neoResponseId: 'neo-401' } };
    const { instance, count } = client({ [TOKEN]: [token(1), token(2)], [BALANCE]: [rejected] });
    await expect(instance.getBalances()).rejects.toMatchObject({ kind: 'auth', traceId: 'neo-401' });
    expect(count(BALANCE)).toBe(2);
  });

  it('reports refused client credentials as auth without retrying, never echoing the secret', async () => {
    const { instance, count, logs } = client({ [TOKEN]: [{ status: 401, body: { code: 2, message: `bad client_secret=${SECRET}` } }] });
    const error = await instance.getBalances().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect((error as Error).message).not.toContain(SECRET);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
    expect(count(TOKEN)).toBe(1);
    expect(count(BALANCE)).toBe(0);
  });

  it('lets one caller abort its wait without failing the shared token refresh for others', async () => {
    const { instance } = client({ [TOKEN]: ['hang'], [BALANCE]: [balance] }, { timeoutMs: 100 });
    const controller = new AbortController();
    const aborted = instance.getBalances({ signal: controller.signal });
    const patient = instance.getBalances();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(patient).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('retries code 99 (processing) and then succeeds', async () => {
    const processing: Reply = { body: { code: 99, state: 1, message: 'PROCESSING', data: null } };
    const { instance, count } = client({ [TOKEN]: [token(1)], [BALANCE]: [processing, balance] });
    await expect(instance.getBalances()).resolves.toHaveLength(1);
    expect(count(BALANCE)).toBe(2);
  });

  it('maps a failed envelope to its kind with the neoResponseId as trace id', async () => {
    const failed: Reply = { body: { code: 2, message: 'SUB_MERCHANT_NOT_ACTIVATED', neoResponseId: 'neo-77', data: null } };
    const { instance } = client({ [TOKEN]: [token(1)], [BALANCE]: [failed] });
    const error = await instance.getBalances().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'forbidden', traceId: 'neo-77' });
    expect((error as Error).message).toContain('SUB_MERCHANT_NOT_ACTIVATED');
  });
});
