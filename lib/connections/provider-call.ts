import 'server-only';
import { ConnectionConfigError, describeFailure } from '@/lib/connections/failure';
import { StoredConnectionError } from '@/lib/db/connections';
import { ApiError } from '@/lib/http/api-error';
import { BudgetUnavailableError, ProviderBusyError } from '@/lib/providers/budget';
import { isProviderError } from '@/lib/providers/errors';
import type { ProviderId } from '@/lib/providers/types';

/** A provider call failed: 502 (504 on timeouts) with the provider's trace id for support. */
export class ProviderApiError extends ApiError {
  constructor(
    status: 502 | 504,
    message: string,
    readonly kind: string,
    readonly traceId: string | null,
    retryAfterSeconds: number | null = null,
  ) {
    super(status, 'provider_error', message, { traceId, kind, ...(retryAfterSeconds === null ? {} : { retryAfterSeconds }) });
  }
}

/** The account's budget stayed spent past the wait: the provider was not called. */
export class ProviderBusyApiError extends ApiError {
  constructor(error: ProviderBusyError) {
    super(503, 'provider_busy', error.message, { provider: error.provider, retryAfterSeconds: error.retryAfterSeconds });
  }
}

const isTimeout = (error: unknown) => error instanceof DOMException && error.name === 'TimeoutError';

/** Runs provider calls for a connection, turning their failures into API errors a person can act on. */
export async function callProvider<T>(connection: { id: string; provider: ProviderId }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof ProviderBusyError) {
      describeFailure(connection, error);
      throw new ProviderBusyApiError(error);
    }
    if (error instanceof BudgetUnavailableError) {
      throw new ApiError(503, 'budget_unavailable', describeFailure(connection, error).message, { provider: error.provider });
    }
    if (isProviderError(error) || isTimeout(error)) {
      const failure = describeFailure(connection, error);
      const status = failure.kind === 'timeout' ? 504 : 502;
      throw new ProviderApiError(status, failure.message, failure.kind, failure.traceId, failure.retryAfterSeconds);
    }
    if (error instanceof ConnectionConfigError || error instanceof StoredConnectionError) {
      throw new ApiError(500, 'connection_invalid', describeFailure(connection, error).message);
    }
    throw error;
  }
}
