import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toDecimalString } from '@/lib/domain/money';
import type { LogEntry } from '@/lib/providers/http';
import { clearNeoxTokenCache } from '@/lib/providers/neox';
import { account, clientFor, failureOf, sandboxPerSuite } from './support';

const TOKEN = '/v2/auth/oauth2/token';
const BALANCE = '/v2/gc/accounts/balance/query';
const acme = account('neox', 'acme-neox');
const globex = account('neox', 'globex-neox');

describe('NeoX against the sandbox', () => {
  const env = sandboxPerSuite();
  beforeEach(() => clearNeoxTokenCache());
  afterEach(() => env.sandbox.faults.clear());

  it('reads the documented envelope: one line per account row, total = available + frozen', async () => {
    const lines = await clientFor(env.sandbox, acme).getBalances();
    expect(lines).toHaveLength(8);
    expect(new Set(lines.map((l) => l.key)).size).toBe(8);
    for (const line of lines) {
      expect(line.settling).toBeNull();
      expect(line.subLabel).toContain(line.key);
      expect(line.warnings).toEqual([]);
      expect((line.available?.minor ?? 0n) + (line.frozen?.minor ?? 0n)).toBe(line.total.minor);
    }
    expect(lines.find((l) => l.currency === 'VND') && toDecimalString(lines.find((l) => l.currency === 'VND')!.total)).toMatch(/^\d+$/);
  });

  it('reads the wider envelope with JSON-number amounts exactly and flags the mismatching row', async () => {
    const lines = await clientFor(env.sandbox, globex).getBalances();
    expect(lines).toHaveLength(8);
    const big = lines.find((l) => l.currency === 'USD' && l.subLabel?.startsWith('Fund'));
    expect(big && toDecimalString(big.total)).toBe('98765432109876543.21');
    expect(big?.available?.minor).toBe(9876543210987600000n);
    expect(big?.frozen?.minor).toBe(54321n);
    const flagged = lines.filter((l) => l.warnings.length > 0);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.currency).toBe('GBP');
    expect(flagged[0]?.total.minor).toBe(152040n);
    expect(flagged[0]?.warnings).toEqual([
      { kind: 'total_mismatch', reportedTotal: { minor: 152040n, currency: 'GBP' }, sumOfParts: { minor: 152000n, currency: 'GBP' } },
    ]);
  });

  it('reads the balance time in the same zone the provider writes it: "as of" is now, not hours off', async () => {
    const lines = await clientFor(env.sandbox, acme).getBalances();
    for (const line of lines) expect(Math.abs(line.asOf.getTime() - Date.now())).toBeLessThan(5 * 60_000);
  });

  it.each([
    ['documented', acme],
    ['wider', globex],
  ])('reads a time sent as ISO 8601 with an offset (%s envelope)', async (_name, acc) => {
    env.sandbox.faults.add({ provider: 'neox', account: acc.subMerchantId, kind: 'time_style', style: 'iso_offset' });
    const lines = await clientFor(env.sandbox, acc).getBalances();
    expect(env.requests(BALANCE).at(-1)).toContain('fault=time_style');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(Math.abs(line.asOf.getTime() - Date.now())).toBeLessThan(5 * 60_000);
  });

  it("reads the time in the connection's zone setting: UTC read of Hong Kong wall time is 8 hours ahead", async () => {
    const lines = await clientFor(env.sandbox, acme, { settings: { timeZone: 'UTC' } }).getBalances();
    for (const line of lines) expect(Math.abs(line.asOf.getTime() - Date.now() - 8 * 3_600_000)).toBeLessThan(5 * 60_000);
  });

  it('sends the Content-Type NeoX lists; the sandbox refuses a balance query without it', async () => {
    const withoutContentType: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (String(input).includes('balance/query')) headers.delete('content-type');
      return fetch(input, { ...init, headers });
    };
    await expect(clientFor(env.sandbox, acme).getBalances()).resolves.not.toHaveLength(0);
    const error = await failureOf(clientFor(env.sandbox, acme, { http: { fetch: withoutContentType } }).getBalances());
    expect(error).toMatchObject({ kind: 'invalid_request' });
  });

  it('requests one token for several calls and clients', async () => {
    const before = env.requests(TOKEN).length;
    const first = clientFor(env.sandbox, acme);
    await Promise.all([first.getBalances(), first.getBalances(), first.getBalances()]);
    await clientFor(env.sandbox, acme).getBalances();
    expect(env.requests(TOKEN).length - before).toBe(1);
  });

  it.each([
    ['documented', acme],
    ['wider', globex],
  ])('reports a wrong client secret as auth (%s envelope), never echoing it', async (_name, acc) => {
    const credentials = { clientId: acc.clientId, clientSecret: 'nxs_wrong_secret_value' };
    const logs: LogEntry[] = [];
    const error = await failureOf(clientFor(env.sandbox, acc, { credentials, logs }).getBalances());
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect((error as Error).message).not.toContain('nxs_wrong_secret_value');
    expect(JSON.stringify(logs)).not.toContain('nxs_wrong_secret_value');
  });

  it('drops a token the balance call refuses and retries once with a fresh one', async () => {
    await clientFor(env.sandbox, acme).getBalances();
    const before = env.requests(TOKEN).length;
    env.sandbox.faults.add({ provider: 'neox', account: acme.subMerchantId, path: 'balance/query', kind: 'status', status: 401, times: 1 });
    await expect(clientFor(env.sandbox, acme).getBalances()).resolves.toHaveLength(8);
    expect(env.requests(TOKEN).length - before).toBe(1);
  });

  it.each([
    ['documented', acme],
    ['wider', globex],
  ])('retries two 429s and then succeeds (%s envelope)', async (_name, acc) => {
    env.sandbox.faults.add({ provider: 'neox', account: acc.subMerchantId, path: 'balance/query', kind: 'rate_limit', times: 2 });
    const logs: LogEntry[] = [];
    await expect(clientFor(env.sandbox, acc, { logs }).getBalances()).resolves.toHaveLength(8);
    expect(logs.filter((l) => l.path.includes('balance')).map((l) => l.status)).toEqual([429, 429, 200]);
  });

  it('captures the neoResponseId of a wider-envelope failure as the trace id', async () => {
    env.sandbox.faults.add({ provider: 'neox', account: globex.subMerchantId, path: 'balance/query', kind: 'status', status: 500 });
    const error = await failureOf(clientFor(env.sandbox, globex, { http: { maxRetries: 1 } }).getBalances());
    expect(error).toMatchObject({ kind: 'unavailable', status: 500 });
    expect((error as { traceId: string | null }).traceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('times out a slow answer', async () => {
    env.sandbox.faults.add({ provider: 'neox', account: acme.subMerchantId, path: 'balance/query', kind: 'delay', delayMs: 1_000, times: 1 });
    await expect(clientFor(env.sandbox, acme, { http: { timeoutMs: 300 } }).getBalances()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it.each([
    ['documented', acme],
    ['wider', globex],
  ])('reports a malformed body as bad_response (%s envelope)', async (_name, acc) => {
    env.sandbox.faults.add({ provider: 'neox', account: acc.subMerchantId, path: 'balance/query', kind: 'malformed_json', times: 1 });
    await expect(clientFor(env.sandbox, acc).getBalances()).rejects.toMatchObject({ kind: 'bad_response' });
  });

  it.each([
    ['documented', acme],
    ['wider', globex],
  ])('reports a non-decimal amount as bad_response naming the field (%s envelope)', async (_name, acc) => {
    env.sandbox.faults.add({ provider: 'neox', account: acc.subMerchantId, path: 'balance/query', kind: 'bad_amount', times: 1 });
    const error = await failureOf(clientFor(env.sandbox, acc).getBalances());
    expect(error).toMatchObject({ kind: 'bad_response' });
    expect((error as Error).message).toContain('data[0].balance');
  });
});

describe('NeoX with short-lived tokens', () => {
  const env = sandboxPerSuite({ neoxTokenTtlSeconds: 1 });
  beforeEach(() => clearNeoxTokenCache());

  it('renews the token before it expires', async () => {
    const logs: LogEntry[] = [];
    const client = clientFor(env.sandbox, acme, { logs });
    await client.getBalances();
    await client.getBalances();
    expect(env.requests(TOKEN)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await expect(client.getBalances()).resolves.toHaveLength(8);
    expect(env.requests(TOKEN)).toHaveLength(2);
    // Renewed ahead of expiry: no balance call was ever refused for an expired token.
    const balanceCalls = logs.filter((l) => l.path.includes(BALANCE));
    expect(balanceCalls.map((l) => [l.status, l.outcome])).toEqual([
      [200, 'ok'],
      [200, 'ok'],
      [200, 'ok'],
    ]);
  });
});
