import type { SandboxAccountBase } from '../declaration';

export interface GenPaymentAccount extends SandboxAccountBase {
  readonly provider: 'genpayment';
  readonly shop: string;
  readonly accessToken: string;
  readonly currency: string;
}

// Literal credentials (sha256 of fixed labels, computed once): the demo DB seed stores them, so they never change.
export const GENPAYMENT_ACCOUNTS: readonly GenPaymentAccount[] = [
  {
    provider: 'genpayment',
    key: 'acme-genpayment-us',
    label: 'Acme Outfitters US (GenPayment)',
    merchant: 'acme',
    shop: 'acme-us',
    accessToken: 'gpat_6102710044796de73e59e4150f661308',
    currency: 'USD',
  },
  {
    provider: 'genpayment',
    key: 'acme-genpayment-jp',
    label: 'Acme Outfitters Japan (GenPayment)',
    merchant: 'acme',
    shop: 'acme-jp',
    accessToken: 'gpat_eecd9987ebc5e6cfcc93a9230d9a7e03',
    currency: 'JPY',
  },
  {
    provider: 'genpayment',
    key: 'globex-genpayment-eu',
    label: 'Globex Trading EU (GenPayment)',
    merchant: 'globex',
    shop: 'globex-eu',
    accessToken: 'gpat_4895f92e60ee49576f65791d6056e946',
    currency: 'EUR',
  },
  {
    provider: 'genpayment',
    key: 'noscope',
    label: 'TEST ONLY: token without the finance scope (GenPayment)',
    merchant: 'acme',
    shop: 'noscope',
    accessToken: 'gpat_46497fe1d6fa69fbaea882bfbfb40bf6',
    currency: 'USD',
  },
];
