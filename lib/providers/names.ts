/**
 * The providers the app knows, with the name people see. Every other list of providers (registry,
 * stored connections, forms, query schemas) derives from this one and the providers' own declarations.
 */
export const PROVIDER_NAMES = {
  genpayment: 'GenPayment',
  shopline: 'SHOPLINE Payments',
  neox: 'NeoX Global Collections',
} as const;

export type ProviderId = keyof typeof PROVIDER_NAMES;
export const PROVIDER_IDS = Object.keys(PROVIDER_NAMES) as [ProviderId, ...ProviderId[]];
