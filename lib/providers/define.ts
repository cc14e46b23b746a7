import 'server-only';
import type { z } from 'zod';
import { PROVIDER_NAMES, type ProviderId } from '@/lib/domain/provider-ids';
import type { ProviderDefinition } from './types';

/**
 * What a provider's folder declares; `defineProvider` fills the rest the same way for every provider: the
 * display name from PROVIDER_NAMES, and for a provider that leaves them out no known id formats, no list
 * endpoints (page limits null) and timestamps that always carry their offset (no declared zone).
 */
export interface ProviderDeclaration<Settings, Credentials>
  extends Omit<
    ProviderDefinition<Settings, Credentials>,
    'displayName' | 'settingsSchema' | 'credentialsSchema' | 'idFormats' | 'pageLimits' | 'timestampZone'
  > {
  readonly schemas: { readonly settings: z.ZodType<Settings>; readonly credentials: z.ZodType<Credentials> };
  readonly idFormats?: ProviderDefinition['idFormats'];
  readonly pageLimits?: ProviderDefinition['pageLimits'];
  readonly timestampZone?: string | null;
}

export function defineProvider<Settings, Credentials, Id extends ProviderId>(
  declaration: ProviderDeclaration<Settings, Credentials> & { readonly id: Id },
): ProviderDefinition<Settings, Credentials> & { readonly id: Id } {
  const { schemas, ...own } = declaration;
  return {
    displayName: PROVIDER_NAMES[declaration.id],
    settingsSchema: schemas.settings,
    credentialsSchema: schemas.credentials,
    idFormats: { payoutId: null, transactionId: null },
    pageLimits: { transactions: null, payouts: null },
    timestampZone: null,
    ...own,
  };
}
