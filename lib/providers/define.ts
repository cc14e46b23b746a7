import 'server-only';
import type { z } from 'zod';
import { PROVIDER_NAMES, type ProviderId } from '@/lib/domain/provider-ids';
import type { ProviderDefinition } from './types';

/**
 * What a provider's folder declares; `defineProvider` fills the rest the same way for every provider: the
 * display name from PROVIDER_NAMES, the capabilities from the page limits (a list is offered where its
 * largest page is declared; balances always), and for a provider that leaves them out no known id formats,
 * no list endpoints (page limits null) and timestamps that always carry their offset (no declared zone).
 */
export interface ProviderDeclaration<Settings, Credentials>
  extends Omit<
    ProviderDefinition<Settings, Credentials>,
    'id' | 'displayName' | 'capabilities' | 'settingsSchema' | 'credentialsSchema' | 'idFormats' | 'pageLimits' | 'timestampZone'
  > {
  readonly schemas: { readonly settings: z.ZodType<Settings>; readonly credentials: z.ZodType<Credentials> };
  readonly idFormats?: ProviderDefinition['idFormats'];
  readonly pageLimits?: ProviderDefinition['pageLimits'];
  readonly timestampZone?: string | null;
}

export function defineProvider<Id extends ProviderId, Settings, Credentials>(
  id: Id,
  declaration: ProviderDeclaration<Settings, Credentials>,
): ProviderDefinition<Settings, Credentials> & { readonly id: Id } {
  const { schemas, pageLimits = { transactions: null, payouts: null }, ...own } = declaration;
  return {
    id,
    displayName: PROVIDER_NAMES[id],
    capabilities: { balances: true, transactions: pageLimits.transactions !== null, payouts: pageLimits.payouts !== null },
    settingsSchema: schemas.settings,
    credentialsSchema: schemas.credentials,
    idFormats: { payoutId: null, transactionId: null },
    pageLimits,
    timestampZone: null,
    ...own,
  };
}
