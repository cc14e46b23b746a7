import 'server-only';
import type { LoadedConnection } from '@/lib/connections/client';
import { describeFailure } from '@/lib/connections/failure';
import { ApiError } from '@/lib/http/api-error';
import { getProviderDefinition } from '@/lib/providers/registry';
import type { FlowsAccountFailureDto } from './schema';

type Named = Pick<LoadedConnection, 'id' | 'provider' | 'label'>;

/** One account of "all accounts" that could not be read: named, with the provider's detail and trace id. */
export function accountFailure(connection: Named, error: unknown): FlowsAccountFailureDto {
  const failure = describeFailure(connection, error);
  return {
    connectionId: connection.id,
    label: connection.label,
    provider: connection.provider,
    providerName: getProviderDefinition(connection.provider).displayName,
    ...failure,
  };
}

export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: FlowsAccountFailureDto };

/**
 * Runs one account's part of an "all accounts" answer; a provider or connection failure becomes that account's
 * failure so the others still count. A cancelled request and our own API errors (a bad query) still throw.
 */
export async function settle<T>(connection: Named, run: () => Promise<T>, signal?: AbortSignal): Promise<Settled<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (signal?.aborted || error instanceof ApiError) throw error;
    return { ok: false, failure: accountFailure(connection, error) };
  }
}
