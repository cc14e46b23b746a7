import 'server-only';
import type { ProviderId } from '@/lib/domain/provider-ids';

export const PROVIDER_NAMES: Readonly<Record<ProviderId, string>> = {
  genpayment: 'GenPayment',
  shopline: 'SHOPLINE Payments',
  neox: 'NeoX Global Collections',
};
