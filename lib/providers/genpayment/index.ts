import 'server-only';
import { PROVIDER_NAMES } from '@/lib/domain/provider-ids';
import type { ProviderDefinition } from '../types';
import { API_PATH, createGenpaymentClient } from './client';
import {
  genpaymentCredentialsSchema,
  genpaymentSettingsSchema,
  type GenpaymentCredentials,
  type GenpaymentSettings,
} from './schemas';

export type { GenpaymentCredentials, GenpaymentSettings } from './schemas';

export const genpayment: ProviderDefinition<GenpaymentSettings, GenpaymentCredentials> = {
  id: 'genpayment',
  displayName: PROVIDER_NAMES.genpayment,
  capabilities: { balances: true, transactions: false, payouts: false },
  settingsSchema: genpaymentSettingsSchema,
  credentialsSchema: genpaymentCredentialsSchema,
  form: {
    settings: [
      {
        key: 'shop',
        label: 'Shop domain',
        help: 'Your Genstore shop’s handle: "acme" for acme.genmystore.com.',
        placeholder: 'acme',
      },
    ],
    credentials: [
      {
        key: 'accessToken',
        label: 'Access token',
        help: 'The shop’s offline access token from installing your app; it needs the read_finance_account scope.',
      },
    ],
    baseUrlHelp: 'Leave empty for https://<shop>.genmystore.com. Give the host only: the API path is added for you.',
    forbiddenHint: 'The token lacks the read_finance_account scope: add it to the app and reinstall it on the shop.',
  },
  apiPath: `/${API_PATH}`,
  idFormats: { payoutId: null, transactionId: null },
  pageLimits: { transactions: null, payouts: null },
  timestampZone: null,
  defaultBaseUrl: (settings) => `https://${settings.shop.toLowerCase()}.genmystore.com`,
  // Token bucket per app per shop: 40, refilling 2/s; higher plans set theirs on the connection.
  rateBudget: (settings, baseUrl) => ({
    accountKey: `${baseUrl}\n${settings.shop.toLowerCase()}`,
    burst: settings.rateLimit?.capacity ?? 40,
    perSecond: settings.rateLimit?.refillPerSecond ?? 2,
  }),
  createClient: createGenpaymentClient,
};
