import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '@/lib/providers/errors';
import { backoffDelay, requestJson, type HttpOptions, type JsonRequest, type LogEntry } from '@/lib/providers/http';
import { scriptedFetch, testHttp, type Reply } from './support';

const okSchema = z.object({ ok: z.boolean() });

function request(replies: readonly Reply[], overrides: Partial<JsonRequest<{ ok: boolean }>> = {}, http: Partial<HttpOptions> = {}) {
  const scripted = scriptedFetch(replies);
  const logs: LogEntry[] = [];
  const sleep = vi.fn(async () => {});
  const promise = requestJson({
    provider: 'shopline',
    method: 'GET',
    url: new URL('https://acme.example.test/api/thing.json?limit=10'),
    schema: okSchema,
    secrets: [],
    http: testHttp({ fetch: scripted.fetch, log: (entry) => logs.push(entry), sleep, ...http }),
    parseErrorBody: (body) => (typeof body === 'object' && body !== null && 'errors' in body ? String(body.errors) : null),
    traceIdHeader: 'traceId',
    ...overrides,
  });
  return { promise, calls: scripted.calls, logs, sleep };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('requestJson: status to error kind', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'invalid_request'],
    [422, 'invalid_request'],
    [429, 'rate_limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [302, 'bad_response'],
  ] as const)('HTTP %i -> %s, with status and trace id', async (status, kind) => {
    const { promise } = request([{ status, body: { errors: 'Nope' }, headers: { traceId: 'trace-123' } }], {}, { maxRetries: 0 });
    const error = await failure(promise);
    expect(error).toMatchObject({ kind, status, traceId: 'trace-123', provider: 'shopline' });
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('keeps a short provider error string in the message', async () => {
    const { promise } = request([{ status: 429, body: { errors: 'Too many request' } }], {}, { maxRetries: 0 });
    expect((await failure(promise)).message).toBe('SHOPLINE Payments answered HTTP 429: Too many request.');
  });

  it('never dumps a raw or long provider body', async () => {
    const html = '<html><body>Internal stack trace at Foo.bar(secret.java:12)</body></html>';
    const first = await failure(request([{ status: 500, body: html }], {}, { maxRetries: 0 }).promise);
    expect(first.message).not.toContain('stack');
    const long = await failure(request([{ status: 400, body: { errors: 'x'.repeat(5000) } }], {}, { maxRetries: 0 }).promise);
    expect(long.message.length).toBeLessThan(300);
  });

  it('takes the trace id from the body when the provider sends it there', async () => {
    const { promise } = request([{ status: 200, body: { ok: 'yes', neoResponseId: 'neo-1' } }], {
      traceIdHeader: undefined,
      traceIdFromBody: (body) => (body as { neoResponseId: string }).neoResponseId,
    });
    expect(await failure(promise)).toMatchObject({ kind: 'bad_response', traceId: 'neo-1' });
  });

  it('maps unparseable and mis-shaped 2xx bodies to bad_response naming the field', async () => {
    expect(await failure(request([{ body: '{"ok": tru' }]).promise)).toMatchObject({ kind: 'bad_response', status: 200 });
    expect(await failure(request([{ body: '' }]).promise)).toMatchObject({ kind: 'bad_response' });
    const shape = await failure(request([{ body: { ok: 'yes' } }]).promise);
    expect(shape.message).toContain('ok');
  });

  it('maps a 2xx envelope failure through checkBody', async () => {
    const { promise, calls } = request([{ body: { ok: false } }], {
      checkBody: (data) => (data.ok ? null : { kind: 'auth', detail: 'INVALID_TOKEN', retryable: false }),
    });
    const error = await failure(promise);
    expect(error).toMatchObject({ kind: 'auth', status: 200 });
    expect(error.message).toContain('INVALID_TOKEN');
    expect(calls).toHaveLength(1);
  });

  it('returns data, status, headers and trace id on success', async () => {
    const { promise } = request([{ body: { ok: true }, headers: { traceId: 't-9', link: '<x>; rel="next"' } }]);
    const res = await promise;
    expect(res).toMatchObject({ data: { ok: true }, status: 200, traceId: 't-9' });
    expect(res.headers.get('link')).toBe('<x>; rel="next"');
  });
});

describe('requestJson: redaction', () => {
  const secret = 'shpat_9f8e7d6c5b4a';

  it('keeps a token in the URL, headers or body out of messages and logs', async () => {
    const { promise, logs } = request(
      [{ status: 401, body: { errors: `token ${secret} is invalid; Authorization: Bearer other-token-abc` } }],
      {
        url: new URL(`https://acme.example.test/api/thing.json?access_token=${secret}&page=2`),
        headers: { Authorization: `Bearer ${secret}`, 'X-Genstore-Access-Token': secret },
        secrets: [secret],
      },
    );
    const error = await failure(promise);
    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('other-token-abc');
    expect(error.message).toContain('[REDACTED]');
    expect(logs).toHaveLength(1);
    const logged = JSON.stringify(logs);
    expect(logged).not.toContain(secret);
    expect(logs[0]).toMatchObject({ provider: 'shopline', method: 'GET', status: 401, attempt: 0, outcome: 'error' });
    expect(logs[0]?.path).toBe('/api/thing.json?access_token=[REDACTED]&page=2');
  });

  it('redacts URL-encoded secrets too', async () => {
    const odd = 'a+b/c=d&e';
    const { promise, logs } = request([{ status: 400, body: { errors: `bad ${odd}` } }], {
      url: new URL(`https://acme.example.test/x?k=${encodeURIComponent(odd)}`),
      secrets: [odd],
    });
    expect((await failure(promise)).message).not.toContain(odd);
    expect(JSON.stringify(logs)).not.toContain(encodeURIComponent(odd));
  });
});

describe('requestJson: retries', () => {
  it('retries a 429 and then succeeds', async () => {
    const { promise, calls, sleep, logs } = request([{ status: 429, body: { errors: 'Too many request' } }, { body: { ok: true } }]);
    await expect(promise).resolves.toMatchObject({ data: { ok: true } });
    expect(calls).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(logs.map((l) => [l.attempt, l.outcome, l.status])).toEqual([
      [0, 'retry', 429],
      [1, 'ok', 200],
    ]);
  });

  it('gives up after maxRetries + 1 attempts of 500 with unavailable', async () => {
    const { promise, calls, sleep } = request([{ status: 500 }]);
    expect(await failure(promise)).toMatchObject({ kind: 'unavailable', status: 500 });
    expect(calls).toHaveLength(4);
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  it('reports rate_limited when 429 persists', async () => {
    const { promise, calls } = request([{ status: 429 }], {}, { maxRetries: 2 });
    expect(await failure(promise)).toMatchObject({ kind: 'rate_limited' });
    expect(calls).toHaveLength(3);
  });

  it('retries network errors', async () => {
    const { promise, calls } = request([new TypeError('fetch failed'), { body: { ok: true } }]);
    await expect(promise).resolves.toMatchObject({ data: { ok: true } });
    expect(calls).toHaveLength(2);
    const down = request([new TypeError('fetch failed')], {}, { maxRetries: 1 });
    expect(await failure(down.promise)).toMatchObject({ kind: 'unavailable', status: null });
  });

  it.each([400, 401, 403, 404, 422])('does not retry HTTP %i', async (status) => {
    const { promise, calls } = request([{ status }, { body: { ok: true } }]);
    await failure(promise);
    expect(calls).toHaveLength(1);
  });

  it('does not retry a caller abort and rethrows it as an abort', async () => {
    const controller = new AbortController();
    const { promise, calls } = request(['hang'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });

  it('stops at an abort that happens while waiting to retry', async () => {
    const controller = new AbortController();
    const { promise, calls } = request([{ status: 503 }], { signal: controller.signal }, {
      sleep: async () => controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });

  it('times out a slow answer with kind timeout, without retrying', async () => {
    const { promise, calls } = request(['hang'], {}, { timeoutMs: 20 });
    const error = await failure(promise);
    expect(error).toMatchObject({ kind: 'timeout', status: null });
    expect(error.message).toContain('20 ms');
    expect(calls).toHaveLength(1);
  });
});

describe('backoffDelay', () => {
  const http = testHttp({ baseDelayMs: 200, maxDelayMs: 5_000 });

  it.each([
    [0, 200],
    [1, 400],
    [3, 1_600],
    [5, 5_000],
    [10, 5_000],
  ])('attempt %i waits below a ceiling of %i ms (full jitter)', (attempt, ceiling) => {
    expect(backoffDelay(attempt, { ...http, random: () => 0 })).toBe(0);
    expect(backoffDelay(attempt, { ...http, random: () => 0.9999 })).toBe(Math.floor(0.9999 * ceiling));
  });

  it('waits at least a Retry-After, however long: the deadline decides whether it fits', () => {
    expect(backoffDelay(0, { ...http, random: () => 0 }, 1_000)).toBe(1_000);
    expect(backoffDelay(0, { ...http, random: () => 0 }, 60_000)).toBe(60_000);
  });
});
