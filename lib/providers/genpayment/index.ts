import 'server-only';
import { defineProvider } from '../define';
import { API_PATH, createGenpaymentClient } from './client';
import { genpaymentCredentialsSchema, genpaymentSettingsSchema } from './schemas';

export type { GenpaymentCredentials, GenpaymentSettings } from './schemas';

/** Balances only (no page limits, so no lists); no id formats, no offset-less timestamps: the defaults. */
export const genpayment = defineProvider('genpayment', {
  schemas: { settings: genpaymentSettingsSchema, credentials: genpaymentCredentialsSchema },
  form: {
    settings: [{ key: 'shop', label: 'Shop domain', placeholder: 'acme', help: 'Your Genstore shop’s handle: "acme" for acme.genmystore.com.' }],
    credentials: [{ key: 'accessToken', label: 'Access token', help: 'The shop’s offline access token from installing your app; it needs the read_finance_account scope.' }],
    baseUrlHelp: 'Leave empty for https://<shop>.genmystore.com. Give the host only: the API path is added for you.',
    forbiddenHint: 'The token lacks the read_finance_account scope: add it to the app and reinstall it on the shop.',
  },
  apiPath: `/${API_PATH}`,
  defaultBaseUrl: (settings) => `https://${settings.shop.toLowerCase()}.genmystore.com`,
  // Token bucket per app per shop: 40, refilling 2/s; higher plans set theirs on the connection.
  rateBudget: (settings, baseUrl) => ({
    accountKey: `${baseUrl}\n${settings.shop.toLowerCase()}`,
    burst: settings.rateLimit?.capacity ?? 40,
    perSecond: settings.rateLimit?.refillPerSecond ?? 2,
  }),
  createClient: createGenpaymentClient,
});
