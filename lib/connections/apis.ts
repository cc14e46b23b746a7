import 'server-only';
import { ApiError } from '@/lib/http/api-error';
import { getProviderDefinition } from '@/lib/providers/registry';
import type { PayoutsApi, TransactionsApi } from '@/lib/providers/types';
import { clientFor, type LoadedConnection } from './client';

/** The capable part of a connection's client, or a 400 naming what its provider does not provide. */

export const unsupported = (providerName: string, what: string) =>
  new ApiError(400, 'unsupported', `${providerName} does not provide ${what}.`);

/** The connection's transactions API; a 400 when its provider has none. */
export function transactionsApi(connection: LoadedConnection): TransactionsApi {
  const definition = getProviderDefinition(connection.provider);
  const api = definition.capabilities.transactions ? clientFor(connection).transactions : null;
  if (!api) throw unsupported(definition.displayName, 'transactions');
  return api;
}

/** The connection's payouts API (a 400 when its provider has none) and its transactions API where it has one. */
export function payoutsApi(connection: LoadedConnection): { api: PayoutsApi; transactions: TransactionsApi | null; name: string } {
  const definition = getProviderDefinition(connection.provider);
  const client = clientFor(connection);
  const api = definition.capabilities.payouts ? client.payouts : null;
  if (!api) throw unsupported(definition.displayName, 'payouts');
  const transactions = definition.capabilities.transactions ? client.transactions : null;
  return { api, transactions, name: definition.displayName };
}
