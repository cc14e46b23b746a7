import 'server-only';
import type { ProviderId } from '@/lib/domain/provider-ids';

/** The name people see for each provider; the registry, forms and labels read it through the declarations. */
export const PROVIDER_NAMES: Readonly<Record<ProviderId, string>> = {
  genpayment: 'GenPayment',
  shopline: 'SHOPLINE Payments',
  neox: 'NeoX Global Collections',
};

