import 'server-only';
import { listOrganizationConnections } from '@/lib/connections/load';
import { getProviderDefinition } from '@/lib/providers/registry';
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
