import 'server-only';
import { defineProvider } from '../define';
import { createNeoxClient } from './client';
import { NEOX_DEFAULT_TIME_ZONE, neoxCredentialsSchema, neoxSettingsSchema } from './schemas';

export type { NeoxCredentials, NeoxSettings } from './schemas';
export { clearNeoxTokenCache } from './token';

/** Balances only (no page limits, so no lists) and no id formats: the defaults. */
export const neox = defineProvider('neox', {
  schemas: { settings: neoxSettingsSchema, credentials: neoxCredentialsSchema },
  form: {
    settings: [{ key: 'subMerchantId', label: 'Sub-merchant id', placeholder: 'ACME00000000001', help: 'The sub-merchant id NeoX issued for this account (up to 15 characters).' }],
    credentials: [
      { key: 'clientId', label: 'Client id', help: 'The OAuth client id of your NeoX API credentials.' },
      { key: 'clientSecret', label: 'Client secret', help: 'The OAuth client secret issued with the client id.' },
    ],
    baseUrlHelp: 'Required: NeoX issues an API host per environment. Give the host only, without /v2.',
    forbiddenHint: 'NeoX refused this sub-merchant: check that it is activated for these credentials.',
  },
  apiPath: '/v2/',
  // Undocumented; read as Hong Kong time (see map.ts): the default of the per-connection `timeZone` setting.
  timestampZone: NEOX_DEFAULT_TIME_ZONE,
  // NeoX issues base hosts per environment; they are not public.
  defaultBaseUrl: () => null,
  // Undocumented: a conservative default, which the deployment may change (NEOX_BUDGET_*).
  rateBudget: (settings, baseUrl) => ({ accountKey: `${baseUrl}\n${settings.subMerchantId}`, burst: 10, perSecond: 5 }),
  createClient: createNeoxClient,
});
