import { describe, expect, it } from 'vitest';
import { ConnectionConfigError } from '@/lib/connections/failure';
import { settle } from '@/lib/flows/failures';
import { ApiError } from '@/lib/http/api-error';
import { ProviderError } from '@/lib/providers/errors';

process.env.FUNDSIGHT_LOG = 'silent';
const connection = { id: 'conn_1', provider: 'shopline' as const, label: 'Main store' };

describe('settle (one account of "all accounts")', () => {
  it('passes a value through', async () => {
    await expect(settle(connection, async () => 42)).resolves.toEqual({ ok: true, value: 42 });
  });

  it('turns a provider failure into that account’s failure, with its trace id', async () => {
    const error = new ProviderError({ provider: 'shopline', kind: 'rate_limited', message: 'SHOPLINE Payments answered HTTP 429.', status: 429, traceId: 'tr-9' });
    await expect(settle(connection, () => Promise.reject(error))).resolves.toEqual({
      ok: false,
      failure: {
        connectionId: 'conn_1',
        label: 'Main store',
        provider: 'shopline',
        providerName: 'SHOPLINE Payments',
        kind: 'rate_limited',
        message: expect.stringContaining('HTTP 429'),
        traceId: 'tr-9',
        status: 429,
        retryAfterSeconds: null,
      },
    });
  });

  it('turns an unusable stored connection into a configuration failure', async () => {
    const outcome = await settle(connection, () => Promise.reject(new ConnectionConfigError('bad settings')));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'configuration', traceId: null } });
  });

  it('still throws our own API errors and a cancelled request', async () => {
    const refused = new ApiError(400, 'unsupported', 'no transactions');
    await expect(settle(connection, () => Promise.reject(refused))).rejects.toBe(refused);
    const controller = new AbortController();
    controller.abort();
    const cancelled = new DOMException('aborted', 'AbortError');
    await expect(settle(connection, () => Promise.reject(cancelled), controller.signal)).rejects.toBe(cancelled);
  });
});
