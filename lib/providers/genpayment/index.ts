import 'server-only';
import { PROVIDER_NAMES } from '../names';
import type { ProviderDefinition } from '../types';
import { createGenpaymentClient } from './client';
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
  defaultBaseUrl: (settings) => `https://${settings.shop.toLowerCase()}.genmystore.com`,
  // Token bucket per app per shop: 40, refilling 2/s; higher plans set theirs on the connection.
  rateBudget: (settings, baseUrl) => ({
    accountKey: `${baseUrl}\n${settings.shop.toLowerCase()}`,
    burst: settings.rateLimit?.capacity ?? 40,
    perSecond: settings.rateLimit?.refillPerSecond ?? 2,
  }),
  createClient: createGenpaymentClient,
};
