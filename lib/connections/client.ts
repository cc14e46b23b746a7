import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { createProviderClient } from '@/lib/providers/registry';
import type { ProviderClient, ProviderId } from '@/lib/providers/types';
import { ConnectionConfigError } from './failure';
import { baseUrlPolicy } from './policy';

/** A connection of the signed-in organization with its decrypted credentials; server-only. */
export interface LoadedConnection {
  readonly id: string;
  readonly organizationId: string;
  readonly provider: ProviderId;
  readonly label: string;
  readonly baseUrl: string;
  readonly settings: unknown;
  readonly credentials: unknown;
}

export function clientFor(connection: LoadedConnection): ProviderClient {
  const env = serverEnv();
  try {
    return createProviderClient({
      provider: connection.provider,
      baseUrl: connection.baseUrl,
      settings: connection.settings,
      credentials: connection.credentials,
      http: { timeoutMs: env.providerTimeoutMs, maxRetries: env.providerMaxRetries },
      policy: baseUrlPolicy(),
    });
  } catch (error) {
    throw new ConnectionConfigError(
      `This connection's stored configuration is invalid: ${error instanceof Error ? error.message : 'unknown problem'}`,
    );
  }
}
