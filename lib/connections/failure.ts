import 'server-only';
import { StoredConnectionError } from '@/lib/db/connections';
import { log } from '@/lib/log';
import { BudgetUnavailableError, ProviderBusyError } from '@/lib/providers/budget';
import { isProviderError, type ProviderErrorKind } from '@/lib/providers/errors';
import type { ProviderId } from '@/lib/providers/types';

export interface FailureDto {
  kind: ProviderErrorKind | 'provider_busy' | 'budget_unavailable' | 'configuration' | 'internal';
  message: string;
  traceId: string | null;
  status: number | null;
  /** When trying again may work, in seconds (a spent budget, a provider's Retry-After). */
  retryAfterSeconds: number | null;
}

const HEADLINES: Record<ProviderErrorKind, string> = {
  auth: 'The provider refused the stored credentials.',
  forbidden: 'The credentials lack the permission this needs.',
  not_found: 'The provider does not know this account.',
  rate_limited: 'The provider is rate limiting this account (its budget is shared with any other app on it).',
  timeout: 'The provider did not answer in time.',
  unavailable: 'The provider is unavailable right now.',
  invalid_request: 'The provider rejected the request.',
  bad_response: 'The provider sent data we could not read, so no figures are shown.',
};

/** A failure as the UI shows it: what failed, the provider's detail, its trace id. Logs it once. */
export function describeFailure(connection: { id: string; provider: ProviderId }, error: unknown): FailureDto {
  if (error instanceof ProviderBusyError) {
    log.warn('provider.busy', { connectionId: connection.id, provider: connection.provider, retryAfterSeconds: error.retryAfterSeconds });
    return { kind: 'provider_busy', message: error.message, traceId: null, status: null, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof BudgetUnavailableError) {
    log.error('provider.budget_unavailable', { connectionId: connection.id, provider: connection.provider });
    return { kind: 'budget_unavailable', message: error.message, traceId: null, status: null, retryAfterSeconds: null };
  }
  if (isProviderError(error)) {
    log.warn('provider.failure', {
      connectionId: connection.id,
      provider: connection.provider,
      kind: error.kind,
      status: error.status,
      traceId: error.traceId,
    });
    return {
      kind: error.kind,
      message: `${HEADLINES[error.kind]} ${error.message}`.trim(),
      traceId: error.traceId,
      status: error.status,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return { kind: 'timeout', message: HEADLINES.timeout, traceId: null, status: null, retryAfterSeconds: null };
  }
  if (error instanceof ConnectionConfigError || error instanceof StoredConnectionError) {
    log.warn('connection.invalid', { connectionId: connection.id, provider: connection.provider });
    return {
      kind: 'configuration',
      message: "This connection's stored settings or credentials cannot be used; an admin needs to reconnect it.",
      traceId: null,
      status: null,
      retryAfterSeconds: null,
    };
  }
  log.error('connection.unexpected', {
    connectionId: connection.id,
    provider: connection.provider,
    error: error instanceof Error ? error.name : 'unknown',
  });
  return { kind: 'internal', message: 'Something went wrong loading this account.', traceId: null, status: null, retryAfterSeconds: null };
}

/** The stored connection cannot be used as it is (bad settings, undecryptable credentials). */
export class ConnectionConfigError extends Error {
  override readonly name = 'ConnectionConfigError';
}
