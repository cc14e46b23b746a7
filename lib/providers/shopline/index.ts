import 'server-only';
import { PROVIDER_NAMES } from '../names';
import type { ProviderDefinition } from '../types';
import { createShoplineClient } from './client';
import {
  shoplineCredentialsSchema,
  shoplineSettingsSchema,
  type ShoplineCredentials,
  type ShoplineSettings,
} from './schemas';

export type { ShoplineCredentials, ShoplineSettings } from './schemas';
export { parseLinkHeader } from './link';

export const shopline: ProviderDefinition<ShoplineSettings, ShoplineCredentials> = {
  id: 'shopline',
  displayName: PROVIDER_NAMES.shopline,
  capabilities: { balances: true, transactions: true, payouts: true },
  settingsSchema: shoplineSettingsSchema,
  credentialsSchema: shoplineCredentialsSchema,
  defaultBaseUrl: (settings) => `https://${settings.handle.toLowerCase()}.myshopline.com`,
  // Leaky bucket per app per store: 4 requests/s, burst 40.
  rateBudget: (settings, baseUrl) => ({ accountKey: `${baseUrl}\n${settings.handle.toLowerCase()}`, burst: 40, perSecond: 4 }),
  createClient: createShoplineClient,
};
