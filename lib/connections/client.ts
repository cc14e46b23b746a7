import 'server-only';
import { serverEnv } from '@/lib/config/env';
import type { NewConnection } from '@/lib/db/connections';
import { createProviderClient, rateBudgetFor } from '@/lib/providers/registry';
import type { ProviderClient, RateBudget } from '@/lib/providers/types';
import { withPayoutCache } from './cached-payouts';
import { ConnectionConfigError } from './failure';
import { baseUrlPolicy } from './policy';
import { providerRuntime } from './runtime';

/** A connection of the signed-in organization with its decrypted credentials; server-only. */
export interface LoadedConnection extends NewConnection {
  readonly id: string;
}

/** The provider's declared budget, with the deployment's NeoX budget (NeoX documents none). */
function budgetOf(connection: LoadedConnection): RateBudget {
  const declared = rateBudgetFor({ ...connection, policy: baseUrlPolicy() });
  return connection.provider === 'neox' ? { ...declared, ...serverEnv().neoxBudget } : declared;
}

/** The connection's client: every call takes a token from the account's budget; payouts are cached per tenant. */
export function clientFor(connection: LoadedConnection): ProviderClient {
  const env = serverEnv();
  const runtime = providerRuntime();
  try {
    const client = createProviderClient({
      provider: connection.provider,
      baseUrl: connection.baseUrl,
      settings: connection.settings,
      credentials: connection.credentials,
      http: {
        timeoutMs: env.providerTimeoutMs,
        maxRetries: env.providerMaxRetries,
        maxWaitMs: env.providerMaxWaitMs,
        budget: runtime.budgets.gate(connection.provider, budgetOf(connection)),
      },
      tokenStore: runtime.tokenStore,
      policy: baseUrlPolicy(),
    });
    return withPayoutCache(client, connection, runtime);
  } catch (error) {
    throw new ConnectionConfigError(
      `This connection's stored configuration is invalid: ${error instanceof Error ? error.message : 'unknown problem'}`,
    );
  }
}
