import { afterEach, describe, expect, it } from 'vitest';
import { toDecimalString } from '@/lib/domain/money';
import type { LogEntry } from '@/lib/providers/http';
import { account, clientFor, failureOf, sandboxPerSuite } from './support';

const env = sandboxPerSuite();
const acmeUs = account('genpayment', 'acme-genpayment-us');
const acmeJp = account('genpayment', 'acme-genpayment-jp');

describe('GenPayment against the sandbox', () => {
  afterEach(() => env.sandbox.faults.clear());

  it.each([
    ['acme-genpayment-us', 'USD'],
    ['acme-genpayment-jp', 'JPY'],
    ['globex-genpayment-eu', 'EUR'],
  ])('reads the balance of %s in %s', async (key, currency) => {
    const before = Date.now();
    const [line, ...rest] = await clientFor(env.sandbox, account('genpayment', key)).getBalances();
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ currency, frozen: null, warnings: [] });
    expect(line?.subLabel).toMatch(/^FI\d+$/);
    expect(line?.settling && line.available && line.settling.minor + line.available.minor).toBe(line?.total.minor);
    expect(line?.asOf.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('reads JPY without minor units', async () => {
    const [line] = await clientFor(env.sandbox, acmeJp).getBalances();
    expect(line && toDecimalString(line.total)).toMatch(/^\d+$/);
  });

  it('reports a wrong token as auth, without echoing it', async () => {
    const error = await failureOf(clientFor(env.sandbox, acmeUs, { credentials: { accessToken: 'gpat_wrong_token_value' } }).getBalances());
    expect(error).toMatchObject({ kind: 'auth', status: 401, provider: 'genpayment' });
    expect(String((error as Error).message)).not.toContain('gpat_wrong_token_value');
  });

  it('reports the shop without the finance scope as forbidden', async () => {
    const error = await failureOf(clientFor(env.sandbox, account('genpayment', 'noscope')).getBalances());
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect((error as Error).message).toContain('read_finance_account');
  });

  it('retries two 429s and then succeeds', async () => {
    env.sandbox.faults.add({ provider: 'genpayment', account: 'acme-us', kind: 'rate_limit', times: 2 });
    const logs: LogEntry[] = [];
    await expect(clientFor(env.sandbox, acmeUs, { logs }).getBalances()).resolves.toHaveLength(1);
    expect(logs.map((l) => [l.status, l.outcome])).toEqual([
      [429, 'retry'],
      [429, 'retry'],
      [200, 'ok'],
    ]);
    expect(JSON.stringify(logs)).not.toContain(acmeUs.accessToken);
  });

  it('reports rate_limited once retries run out', async () => {
    env.sandbox.faults.add({ provider: 'genpayment', account: 'acme-us', kind: 'rate_limit', times: 5 });
    const error = await failureOf(clientFor(env.sandbox, acmeUs, { http: { maxRetries: 2 } }).getBalances());
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429 });
  });

  it('retries a 503 and reports unavailable when it persists', async () => {
    env.sandbox.faults.add({ provider: 'genpayment', account: 'acme-us', kind: 'status', status: 503, times: 1 });
    await expect(clientFor(env.sandbox, acmeUs).getBalances()).resolves.toHaveLength(1);
    env.sandbox.faults.add({ provider: 'genpayment', account: 'acme-us', kind: 'status', status: 503 });
    await expect(clientFor(env.sandbox, acmeUs, { http: { maxRetries: 1 } }).getBalances()).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('times out a slow answer', async () => {
    env.sandbox.faults.add({ provider: 'genpayment', account: 'acme-us', kind: 'delay', delayMs: 1_000, times: 1 });
    const error = await failureOf(clientFor(env.sandbox, acmeUs, { http: { timeoutMs: 300 } }).getBalances());
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('reports a malformed body as bad_response', async () => {
    env.sandbox.faults.add({ provider: 'genpayment', account: 'acme-us', kind: 'malformed_json', times: 1 });
    await expect(clientFor(env.sandbox, acmeUs).getBalances()).rejects.toMatchObject({ kind: 'bad_response', status: 200 });
  });

  it('reports a non-decimal amount as bad_response naming the field', async () => {
    env.sandbox.faults.add({ provider: 'genpayment', account: 'acme-us', kind: 'bad_amount', times: 1 });
    const error = await failureOf(clientFor(env.sandbox, acmeUs).getBalances());
    expect(error).toMatchObject({ kind: 'bad_response' });
    expect((error as Error).message).toMatch(/balance\.(settlementedAmount|settlingAmount)/);
  });
});

describe('GenPayment against a rate-limited sandbox', () => {
  const limited = sandboxPerSuite({ rateLimits: true });

  it('surfaces the real token bucket as rate_limited when retries are off', async () => {
    const client = clientFor(limited.sandbox, acmeUs, { http: { maxRetries: 0 } });
    const results = await Promise.allSettled(Array.from({ length: 45 }, () => client.getBalances()));
    const kinds = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { kind?: string }).kind));
    expect(kinds.filter((k) => k === 'ok').length).toBeGreaterThanOrEqual(40);
    expect(kinds).toContain('rate_limited');
  });
});
