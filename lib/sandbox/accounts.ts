import type { SandboxAccount } from './account-types';

export { SANDBOX_PROVIDERS, sandboxBaseUrl, sandboxConnectionConfig, type SandboxProvider, type GenPaymentAccount, type NeoxAccount, type SandboxAccount, type SandboxMerchant, type ShoplineAccount } from './account-types';

// Literal credentials (sha256 of fixed labels, computed once): the demo DB seed stores them, so they never change.
export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
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
    provider: 'shopline',
    key: 'acme-shopline',
    label: 'Acme Outfitters (SHOPLINE Payments)',
    merchant: 'acme',
    handle: 'acme',
    accessToken:
      'eyJhbGciOiJIUzUxMiJ9.eyJhcHBLZXkiOiJhNjEwYmRiY2NjZDA3ZWMzNzQzOWE1NWJmZTE5MjBlNGIxOWFmZDRiIiwic3RvcmVJZCI6IjE2NzIzNjk3Mzc1MjUiLCJ2ZXJzaW9uIjoiVjIiLCJkb21haW4iOiJodHRwczovL2FjbWUubXlzaG9wbGluZS5jb20iLCJpc3MiOiJ5b3VzbCJ9.PYicvG7QPAzQh9UDIYjETCS71ye7-paZNmpRk_y4uxE',
    transactionCount: 2137,
    currencies: ['USD', 'CAD'],
  },
  {
    provider: 'neox',
    key: 'acme-neox',
    label: 'Acme Outfitters (NeoX Global Collections)',
    merchant: 'acme',
    subMerchantId: 'ACME00000000001',
    clientId: 'nxc_3576d074aee015d4858928f8',
    clientSecret: 'nxs_101054b054f35ba3e32eb09a621924a71015ffa1',
    envelope: 'documented',
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
    provider: 'shopline',
    key: 'globex-shopline',
    label: 'Globex Trading (SHOPLINE Payments)',
    merchant: 'globex',
    handle: 'globex',
    accessToken:
      'eyJhbGciOiJIUzUxMiJ9.eyJhcHBLZXkiOiJiN2RhODkxMDlhYmQ1NTY5MWU2NDkwNjIxZDQ2YmZmZWExYmZjMTM3Iiwic3RvcmVJZCI6IjE2NzIzNjk3NDU0NDQiLCJ2ZXJzaW9uIjoiVjIiLCJkb21haW4iOiJodHRwczovL2dsb2JleC5teXNob3BsaW5lLmNvbSIsImlzcyI6InlvdXNsIn0.X3uYfDqU0eN3sBz6B57nEKfMRcqv7jf14xT-_4qmwpo',
    transactionCount: 1523,
    currencies: ['EUR', 'GBP'],
  },
  {
    provider: 'neox',
    key: 'globex-neox',
    label: 'Globex Trading (NeoX Global Collections)',
    merchant: 'globex',
    subMerchantId: 'GLOBEX000000001',
    clientId: 'nxc_182ba598d933747d3bf5dd95',
    clientSecret: 'nxs_b9c74e7f1707cbc00c30afa29aaf024cb9991c38',
    envelope: 'wider',
  },
  {
    provider: 'shopline',
    key: 'bench',
    label: 'TEST ONLY: 1,000,000-transaction benchmark store (SHOPLINE)',
    merchant: 'acme',
    handle: 'bench',
    accessToken:
      'eyJhbGciOiJIUzUxMiJ9.eyJhcHBLZXkiOiI1YWMwYmJlNDdmMGUxZjBjNzAyMzdlNWY5OTUwZmQ4ZjRiNTdlMGZkIiwic3RvcmVJZCI6IjE2NzIzNjk3NTMzNjMiLCJ2ZXJzaW9uIjoiVjIiLCJkb21haW4iOiJodHRwczovL2JlbmNoLm15c2hvcGxpbmUuY29tIiwiaXNzIjoieW91c2wifQ.hBPc_VTnosFbO13-ltTYdUxN7mKNBGHQqYo4rYKAiXo',
    transactionCount: 1_000_000,
    currencies: ['USD'],
  },
  {
    provider: 'shopline',
    key: 'cnstore',
    label: 'TEST ONLY: CN-entity store, no payout status (SHOPLINE)',
    merchant: 'acme',
    handle: 'cnstore',
    accessToken:
      'eyJhbGciOiJIUzUxMiJ9.eyJhcHBLZXkiOiJjZTM0YzQzMjcwYjZjNjdjMjViZGY1YWM1NTZhNWU3MzI4MzVjNmJmIiwic3RvcmVJZCI6IjE2NzIzNjk3NjEyODIiLCJ2ZXJzaW9uIjoiVjIiLCJkb21haW4iOiJodHRwczovL2Nuc3RvcmUubXlzaG9wbGluZS5jb20iLCJpc3MiOiJ5b3VzbCJ9.WvqOiZT8jy1gq_kY__QBABhHMfCU49J6PJedI6zOAsE',
    transactionCount: 500,
    currencies: ['USD'],
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

export function findAccount<P extends SandboxAccount['provider']>(
  provider: P,
  match: (account: Extract<SandboxAccount, { provider: P }>) => boolean,
): Extract<SandboxAccount, { provider: P }> | undefined {
  for (const account of SANDBOX_ACCOUNTS) {
    if (account.provider === provider && match(account as Extract<SandboxAccount, { provider: P }>)) {
      return account as Extract<SandboxAccount, { provider: P }>;
    }
  }
  return undefined;
}
