import 'server-only';
import type { ProviderId } from '@/lib/domain/provider-ids';

/** What went wrong, in terms a person and the UI can act on. */
export type ProviderErrorKind =
  | 'auth' // credentials refused (401)
  | 'forbidden' // credentials valid but lack a scope (403)
  | 'not_found'
  | 'rate_limited' // still 429 after retries
  | 'timeout'
  | 'unavailable' // 5xx or network failure after retries
  | 'invalid_request' // the provider rejected our request (4xx)
  | 'bad_response'; // malformed JSON, schema mismatch, non-decimal amount, unknown currency

export interface ProviderErrorInit {
  provider: ProviderId;
  kind: ProviderErrorKind;
  /** Safe to show: never contains a secret or a raw provider payload. */
  message: string;
  status?: number | null;
  traceId?: string | null;
  /** When the provider said to come back (Retry-After), in whole seconds. */
  retryAfterSeconds?: number | null;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: ProviderId;
  readonly kind: ProviderErrorKind;
  readonly status: number | null;
  readonly traceId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(init: ProviderErrorInit) {
    super(init.message, { cause: init.cause });
    this.provider = init.provider;
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.traceId = init.traceId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
