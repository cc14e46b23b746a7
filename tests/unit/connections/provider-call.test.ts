import { describe, expect, it } from 'vitest';
import { ConnectionConfigError } from '@/lib/connections/failure';
import { ApiError } from '@/lib/http/api-error';
import { ProviderError, type ProviderErrorKind } from '@/lib/providers/errors';
import { callProvider, ProviderApiError } from '@/lib/connections/provider-call';

process.env.FUNDSIGHT_LOG = 'silent';
const connection = { id: 'c1', provider: 'shopline' as const };

const failing = (error: unknown) => () => Promise.reject(error);
const providerError = (kind: ProviderErrorKind) =>
  new ProviderError({ provider: 'shopline', kind, message: 'detail', status: 503, traceId: 'trace-1' });

describe('callProvider', () => {
  it.each<[ProviderErrorKind, number]>([
    ['unavailable', 502],
    ['bad_response', 502],
    ['rate_limited', 502],
    ['timeout', 504],
  ])('turns a %s provider error into %i provider_error with the trace id', async (kind, status) => {
    const error = await callProvider(connection, failing(providerError(kind))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error).toMatchObject({ status, code: 'provider_error', kind, traceId: 'trace-1' });
  });

  it('turns a deadline into a 504', async () => {
    const error = await callProvider(connection, failing(new DOMException('late', 'TimeoutError'))).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 504, kind: 'timeout', traceId: null });
  });

  it('reports unusable stored settings without calling them a provider failure', async () => {
    const error = await callProvider(connection, failing(new ConnectionConfigError('bad handle'))).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, code: 'connection_invalid', message: expect.stringMatching(/reconnect/) });
  });

  it('lets API errors and unknown errors through unchanged', async () => {
    const api = new ApiError(400, 'unsupported', 'no');
    const other = new TypeError('bug');
    await expect(callProvider(connection, failing(api))).rejects.toBe(api);
    await expect(callProvider(connection, failing(other))).rejects.toBe(other);
  });
});
