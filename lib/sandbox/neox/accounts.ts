import type { SandboxAccountBase } from '../declaration';

export interface NeoxAccount extends SandboxAccountBase {
  readonly provider: 'neox';
  readonly subMerchantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly envelope: 'documented' | 'wider';
}

// Literal credentials (sha256 of fixed labels, computed once): the demo DB seed stores them, so they never change.
export const NEOX_ACCOUNTS: readonly NeoxAccount[] = [
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
    provider: 'neox',
    key: 'globex-neox',
    label: 'Globex Trading (NeoX Global Collections)',
    merchant: 'globex',
    subMerchantId: 'GLOBEX000000001',
    clientId: 'nxc_182ba598d933747d3bf5dd95',
    clientSecret: 'nxs_b9c74e7f1707cbc00c30afa29aaf024cb9991c38',
    envelope: 'wider',
  },
];
