import 'server-only';
import { ProviderError, type ProviderErrorKind } from './errors';
import { PROVIDER_NAMES } from '@/lib/domain/provider-ids';
import type { ProviderId } from '@/lib/domain/provider-ids';

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  if (status >= 400) return 'invalid_request';
  // A 1xx/3xx reaching us (redirects are not followed) is not an answer we can read.
  return 'bad_response';
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Milliseconds from a Retry-After header (seconds or HTTP date), or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

interface FailureInit {
  readonly provider: ProviderId;
  readonly kind: ProviderErrorKind;
  readonly status?: number | null;
  readonly traceId?: string | null;
  /** Already redacted provider text, e.g. "Too many request". */
  readonly detail?: string | null;
  /** Replaces the default "<name> answered HTTP <status>" opening. */
  readonly head?: string;
  readonly cause?: unknown;
}

/** A ProviderError whose message is fit to show a user: names the provider, status and short detail. */
export function httpFailure(init: FailureInit): ProviderError {
  const name = PROVIDER_NAMES[init.provider];
  const head = init.head ?? (init.status ? `${name} answered HTTP ${init.status}` : `${name} request failed`);
  const detail = init.detail ? `: ${init.detail}` : '';
  return new ProviderError({
    provider: init.provider,
    kind: init.kind,
    status: init.status ?? null,
    traceId: init.traceId ?? null,
    message: `${head}${detail}.`,
    cause: init.cause,
  });
}

/** The provider sent something we cannot use; field names the offending part, never its secret content. */
export function badResponse(provider: ProviderId, what: string, extra?: { status?: number | null; traceId?: string | null }): ProviderError {
  return new ProviderError({
    provider,
    kind: 'bad_response',
    status: extra?.status ?? null,
    traceId: extra?.traceId ?? null,
    message: `${PROVIDER_NAMES[provider]} sent ${what}.`,
  });
}
