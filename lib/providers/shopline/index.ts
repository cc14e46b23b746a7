import 'server-only';
import { defineProvider } from '../define';
import { API_PATH, createShoplineClient, MAX_PAYOUTS_PAGE, MAX_TRANSACTIONS_PAGE } from './client';
import { shoplineCredentialsSchema, shoplineSettingsSchema } from './schemas';

export type { ShoplineCredentials, ShoplineSettings } from './schemas';
export { parseLinkHeader } from './link';

export const shopline = defineProvider('shopline', {
  schemas: { settings: shoplineSettingsSchema, credentials: shoplineCredentialsSchema },
  form: {
    settings: [
      { key: 'handle', label: 'Store handle', placeholder: 'open001', help: 'The first part of your store’s admin address: "open001" for open001.myshopline.com.' },
    ],
    credentials: [
      { key: 'accessToken', label: 'Access token', help: 'An app access token with the read_finance_account scope (SHOPLINE admin → Apps → Develop apps).' },
    ],
    baseUrlHelp: 'Leave empty for https://<handle>.myshopline.com. Give the host only: the API path is added for you.',
    forbiddenHint: 'The token lacks the read_finance_account scope: add it to the app and reinstall it.',
  },
  apiPath: `/${API_PATH}`,
  // Balance transaction and payout ids are decimal numbers carried as strings.
  idFormats: { payoutId: /^\d{1,32}$/, transactionId: /^\d{1,32}$/ },
  pageLimits: { transactions: MAX_TRANSACTIONS_PAGE, payouts: MAX_PAYOUTS_PAGE },
  // Every timestamp carries its offset (2022-02-25T18:00:42+08:00): no declared zone.
  defaultBaseUrl: (settings) => `https://${settings.handle.toLowerCase()}.myshopline.com`,
  // Leaky bucket per app per store: 4 requests/s, burst 40.
  rateBudget: (settings, baseUrl) => ({ accountKey: `${baseUrl}\n${settings.handle.toLowerCase()}`, burst: 40, perSecond: 4 }),
  createClient: createShoplineClient,
});
