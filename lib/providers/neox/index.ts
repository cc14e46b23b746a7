import 'server-only';
import { PROVIDER_NAMES } from '@/lib/domain/provider-ids';
import type { ProviderDefinition } from '../types';
import { createNeoxClient } from './client';
import { NEOX_DEFAULT_TIME_ZONE, neoxCredentialsSchema, neoxSettingsSchema, type NeoxCredentials, type NeoxSettings } from './schemas';

export type { NeoxCredentials, NeoxSettings } from './schemas';
export { clearNeoxTokenCache } from './token';

export const neox: ProviderDefinition<NeoxSettings, NeoxCredentials> = {
  id: 'neox',
  displayName: PROVIDER_NAMES.neox,
  capabilities: { balances: true, transactions: false, payouts: false },
  settingsSchema: neoxSettingsSchema,
  credentialsSchema: neoxCredentialsSchema,
  form: {
    settings: [
      {
        key: 'subMerchantId',
        label: 'Sub-merchant id',
        help: 'The sub-merchant id NeoX issued for this account (up to 15 characters).',
        placeholder: 'ACME00000000001',
      },
    ],
    credentials: [
      { key: 'clientId', label: 'Client id', help: 'The OAuth client id of your NeoX API credentials.' },
      { key: 'clientSecret', label: 'Client secret', help: 'The OAuth client secret issued with the client id.' },
    ],
    baseUrlHelp: 'Required: NeoX issues an API host per environment. Give the host only, without /v2.',
    forbiddenHint: 'NeoX refused this sub-merchant: check that it is activated for these credentials.',
  },
  apiPath: '/v2/',
  idFormats: { payoutId: null, transactionId: null },
  pageLimits: { transactions: null, payouts: null },
  // NeoX documents no limit: an assumption kept well under what the others allow.
  // Undocumented; read as Hong Kong time (see map.ts).
  timestampZone: NEOX_DEFAULT_TIME_ZONE,
  // NeoX issues base hosts per environment; they are not public.
  defaultBaseUrl: () => null,
  // Undocumented: a conservative default, which the deployment may change (NEOX_BUDGET_*).
  rateBudget: (settings, baseUrl) => ({ accountKey: `${baseUrl}\n${settings.subMerchantId}`, burst: 10, perSecond: 5 }),
  createClient: createNeoxClient,
};
