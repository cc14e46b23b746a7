import 'server-only';
import { PROVIDER_NAMES } from '../names';
import type { ProviderDefinition } from '../types';
import { createNeoxClient } from './client';
import { neoxCredentialsSchema, neoxSettingsSchema, type NeoxCredentials, type NeoxSettings } from './schemas';

export type { NeoxCredentials, NeoxSettings } from './schemas';
export { clearNeoxTokenCache } from './token';

export const neox: ProviderDefinition<NeoxSettings, NeoxCredentials> = {
  id: 'neox',
  displayName: PROVIDER_NAMES.neox,
  capabilities: { balances: true, transactions: false, payouts: false },
  settingsSchema: neoxSettingsSchema,
  credentialsSchema: neoxCredentialsSchema,
  // NeoX issues base hosts per environment; they are not public.
  defaultBaseUrl: () => null,
  // Undocumented: a conservative default, which the deployment may change (NEOX_BUDGET_*).
  rateBudget: (settings, baseUrl) => ({ accountKey: `${baseUrl}\n${settings.subMerchantId}`, burst: 10, perSecond: 5 }),
  createClient: createNeoxClient,
};
