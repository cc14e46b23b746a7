/**
 * The providers Fundsight can connect, each with the name people see; shared by server and browser (filters,
 * DTO schemas). Everything else about a provider is in its declaration (lib/providers/<id>/index.ts), which
 * reads its display name from here.
 */
export const PROVIDER_NAMES = {
  genpayment: 'GenPayment',
  shopline: 'SHOPLINE Payments',
  neox: 'NeoX Global Collections',
} as const satisfies Readonly<Record<string, string>>;

export type ProviderId = keyof typeof PROVIDER_NAMES;

export const PROVIDER_IDS = Object.keys(PROVIDER_NAMES) as [ProviderId, ...ProviderId[]];
