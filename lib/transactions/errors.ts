import 'server-only';
import { ConnectionConfigError, describeFailure } from '@/lib/connections/failure';
import { StoredConnectionError } from '@/lib/db/connections';
import { ApiError } from '@/lib/http/api-error';
import { isProviderError } from '@/lib/providers/errors';
import type { ProviderId } from '@/lib/providers/types';

/** A provider call failed: 502 (504 on timeouts) with the provider's trace id for support. */
export class ProviderApiError extends ApiError {
  constructor(
    status: 502 | 504,
    message: string,
    readonly kind: string,
    readonly traceId: string | null,
  ) {
    super(status, 'provider_error', message, { traceId, kind });
  }
}

const isTimeout = (error: unknown) => error instanceof DOMException && error.name === 'TimeoutError';

/** Runs provider calls for a connection, turning their failures into API errors a person can act on. */
export async function callProvider<T>(connection: { id: string; provider: ProviderId }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (isProviderError(error) || isTimeout(error)) {
      const failure = describeFailure(connection, error);
      throw new ProviderApiError(failure.kind === 'timeout' ? 504 : 502, failure.message, failure.kind, failure.traceId);
    }
    if (error instanceof ConnectionConfigError || error instanceof StoredConnectionError) {
      throw new ApiError(500, 'connection_invalid', describeFailure(connection, error).message);
    }
    throw error;
  }
}
