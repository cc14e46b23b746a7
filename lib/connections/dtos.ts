import 'server-only';
import { listOrganizationConnections } from '@/lib/connections/load';
import { getProviderDefinition, providers } from '@/lib/providers/registry';
import type { ConnectionsResponseDto } from './schema';

/** The organization's connections with what each can show; no settings, no credentials. */
export async function listConnectionDtos(organizationId: string): Promise<ConnectionsResponseDto> {
  const connections = await listOrganizationConnections(organizationId);
  return {
    connections: connections.map((connection) => {
      const definition = getProviderDefinition(connection.provider);
      const { transactions, payouts } = definition.capabilities;
      return {
        id: connection.id,
        label: connection.label,
        provider: connection.provider,
        providerName: definition.displayName,
        capabilities: { balances: true, transactions, payouts },
      };
    }),
  };
}

/** Display names of the providers that declare a capability, for "available with X" copy. */
export function providersWith(capability: 'transactions' | 'payouts'): string[] {
  return Object.values(providers)
    .filter((definition) => definition.capabilities[capability])
    .map((definition) => definition.displayName);
}
