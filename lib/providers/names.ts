import type { ProviderId } from './types';

export const PROVIDER_NAMES: Readonly<Record<ProviderId, string>> = {
  genpayment: 'GenPayment',
  shopline: 'SHOPLINE Payments',
  neox: 'NeoX Global Collections',
};
