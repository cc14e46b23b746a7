import type { SandboxAccountBase } from '../declaration';

export interface ShoplineAccount extends SandboxAccountBase {
  readonly provider: 'shopline';
  readonly handle: string;
  readonly accessToken: string;
  readonly transactionCount: number;
  readonly currencies: readonly string[];
}

// Literal credentials (sha256 of fixed labels, computed once): the demo DB seed stores them, so they never change.
export const SHOPLINE_ACCOUNTS: readonly ShoplineAccount[] = [
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
];
