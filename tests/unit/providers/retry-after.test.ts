import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ProviderBusyError, type BudgetRequest, type ProviderBudget } from '@/lib/providers/budget';
import { ProviderError } from '@/lib/providers/errors';
import { requestJson, type HttpOptions } from '@/lib/providers/http';
import { retryAfterMs } from '@/lib/providers/http-errors';
import { scriptedFetch, testHttp, type Reply } from './support';

/** A budget that records every token taken and every pause, and can be told to run dry. */
function recordingBudget(options: { dryAfter?: number } = {}) {
  const takes: BudgetRequest[] = [];
  const pauses: number[] = [];
  const budget: ProviderBudget = {
    async take(request) {
      if (options.dryAfter !== undefined && takes.length >= options.dryAfter) throw new ProviderBusyError('shopline', 7);
      takes.push(request);
    },
    async pause(ms) {
      pauses.push(ms);
    },
  };
  return { budget, takes, pauses };
}

function call(replies: readonly Reply[], http: Partial<HttpOptions>) {
  const scripted = scriptedFetch(replies);
  const sleep = vi.fn(async (_ms: number) => {});
  const promise = requestJson({
    provider: 'shopline',
    method: 'GET',
    url: new URL('https://acme.example.test/thing.json'),
    schema: z.object({ ok: z.boolean() }),
    secrets: [],
    http: testHttp({ fetch: scripted.fetch, sleep, ...http }),
    parseErrorBody: (body) => (typeof body === 'object' && body !== null && 'errors' in body ? String(body.errors) : null),
  });
  return { promise, calls: scripted.calls, sleep };
}

const tooMany = (retryAfter?: string): Reply => ({
  status: 429,
  body: { errors: 'Too many request' },
  headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:12 GMT', now)).toBe(12_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
  });

  it('waits what the provider asks when it fits the deadline, then retries once with a new token', async () => {
    const { budget, takes } = recordingBudget();
    const { promise, calls, sleep } = call([tooMany('3'), { body: { ok: true } }], { budget, maxWaitMs: 15_000 });
    await expect(promise).resolves.toMatchObject({ data: { ok: true } });
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep.mock.calls[0]?.[0]).toBeGreaterThanOrEqual(3_000);
    expect(calls).toHaveLength(2);
    expect(takes).toHaveLength(2);
  });

  it('fails at once, saying when to retry, when the wait does not fit the deadline', async () => {
    const { budget, takes, pauses } = recordingBudget();
    const { promise, calls, sleep } = call([tooMany('30'), { body: { ok: true } }], { budget, maxWaitMs: 15_000 });
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 30, provider: 'shopline' });
    expect((error as Error).message).toBe('SHOPLINE Payments answered HTTP 429: Too many request. Retry after 30 s.');
    expect(calls).toHaveLength(1);
    expect(takes).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
    // Everyone else on this account holds off as long as the provider asked.
    expect(pauses).toEqual([30_000]);
  });

  it('accepts an HTTP-date Retry-After the same way', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    const { promise } = call([tooMany(at)], { budget: recordingBudget().budget, maxWaitMs: 10_000 });
    await expect(promise).rejects.toMatchObject({ kind: 'rate_limited', message: expect.stringMatching(/Retry after (59|60) s\./) });
  });

  it('never retries into an empty budget: the provider’s own failure stands, and no call is made', async () => {
    const { budget } = recordingBudget({ dryAfter: 1 });
    const { promise, calls } = call([{ status: 503, body: { errors: 'down' } }, { body: { ok: true } }], { budget });
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(calls).toHaveLength(1);
  });

  it('makes no call at all when the first token cannot be had in time', async () => {
    const { budget } = recordingBudget({ dryAfter: 0 });
    const { promise, calls } = call([{ body: { ok: true } }], { budget });
    await expect(promise).rejects.toBeInstanceOf(ProviderBusyError);
    expect(calls).toHaveLength(0);
  });

  it('counts every retry against the budget, as interactive unless told otherwise', async () => {
    const { budget, takes } = recordingBudget();
    const { promise } = call([{ status: 502 }, { status: 502 }, { body: { ok: true } }], { budget, maxRetries: 3 });
    await promise;
    expect(takes).toHaveLength(3);
    expect(new Set(takes.map((t) => t.priority))).toEqual(new Set(['interactive']));
    expect(new Set(takes.map((t) => t.deadline)).size).toBe(1);
  });
});

describe('priority', () => {
  it('passes a call’s priority to the budget, for SHOPLINE, Genstore and NeoX (its token request too)', async () => {
    const { createProviderClient } = await import('@/lib/providers/registry');
    const { clearNeoxTokenCache } = await import('@/lib/providers/neox');
    clearNeoxTokenCache();
    const { budget, takes } = recordingBudget();
    const fetch = scriptedFetch((call) => {
      const path = new URL(call.url).pathname;
      if (path.endsWith('balance_transactions.json')) return { body: { transactions: [] } };
      if (path.endsWith('/balance')) return { body: { balance: { settlingAmount: '1', settlementedAmount: '2', financeId: 'F', currency: 'USD' } } };
      if (path.endsWith('oauth2/token')) return { body: { code: '200', msg: 'success', success: true, data: { access_token: 't', token_type: 'bearer', expires_in: 7200, scope: 'global-collection' } } };
      return { body: { code: '200', msg: 'success', success: true, data: [] } };
    }).fetch;
    const http = { ...testHttp({ fetch }), budget };
    const shopline = createProviderClient({ provider: 'shopline', baseUrl: 'https://s.example.test', settings: { handle: 's' }, credentials: { accessToken: 'x' }, http });
    await shopline.transactions?.listTransactions({ limit: 1 }, { priority: 'background' });
    const genpayment = createProviderClient({ provider: 'genpayment', baseUrl: 'https://g.example.test', settings: { shop: 'g' }, credentials: { accessToken: 'x' }, http });
    await genpayment.getBalances({ priority: 'background' });
    const neox = createProviderClient({ provider: 'neox', baseUrl: 'https://n.example.test', settings: { subMerchantId: 'N1' }, credentials: { clientId: 'c', clientSecret: 's' }, http });
    await neox.getBalances({ priority: 'background' });
    // The token request is shared by every caller, so it goes as interactive; everything else as asked.
    expect(takes.map((t) => t.priority)).toEqual(['background', 'background', 'interactive', 'background']);
  });
});
