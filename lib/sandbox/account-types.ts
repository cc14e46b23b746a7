import { z } from 'zod';

/**
 * The sandbox accounts' shape and base URLs, without their credentials: the app's demo seed imports
 * this, never accounts.ts, so no sandbox token is bundled into a build. The seed reads the accounts
 * themselves from the running sandbox (GET /__sandbox/accounts).
 */

/** The providers the sandbox simulates; faults and routing derive from this list. */
export const SANDBOX_PROVIDERS = ['genpayment', 'shopline', 'neox'] as const;
export type SandboxProvider = (typeof SANDBOX_PROVIDERS)[number];

export type SandboxMerchant = 'acme' | 'globex';

export type SandboxAccount =
  | {
      provider: 'genpayment';
      key: string;
      label: string;
      merchant: SandboxMerchant;
      shop: string;
      accessToken: string;
      currency: string;
    }
  | {
      provider: 'shopline';
      key: string;
      label: string;
      merchant: SandboxMerchant;
      handle: string;
      accessToken: string;
      transactionCount: number;
      currencies: string[];
    }
  | {
      provider: 'neox';
      key: string;
      label: string;
      merchant: SandboxMerchant;
      subMerchantId: string;
      clientId: string;
      clientSecret: string;
      envelope: 'documented' | 'wider';
    };

export type GenPaymentAccount = Extract<SandboxAccount, { provider: 'genpayment' }>;
export type ShoplineAccount = Extract<SandboxAccount, { provider: 'shopline' }>;
export type NeoxAccount = Extract<SandboxAccount, { provider: 'neox' }>;

const merchant = z.enum(['acme', 'globex']);
const common = { key: z.string(), label: z.string(), merchant };

/** The sandbox's answer to GET /__sandbox/accounts, checked like any other response. */
export const sandboxAccountsSchema = z.object({
  accounts: z.array(
    z.discriminatedUnion('provider', [
      z.object({ provider: z.literal('genpayment'), ...common, shop: z.string(), accessToken: z.string(), currency: z.string() }),
      z.object({
        provider: z.literal('shopline'),
        ...common,
        handle: z.string(),
        accessToken: z.string(),
        transactionCount: z.number(),
        currencies: z.array(z.string()),
      }),
      z.object({
        provider: z.literal('neox'),
        ...common,
        subMerchantId: z.string(),
        clientId: z.string(),
        clientSecret: z.string(),
        envelope: z.enum(['documented', 'wider']),
      }),
    ]),
  ),
});

/** The base URL a provider client is configured with: the sandbox's stand-in for the provider's real host. */
export function sandboxBaseUrl(sandboxUrl: string, account: SandboxAccount): string {
  const root = sandboxUrl.replace(/\/+$/, '');
  switch (account.provider) {
    case 'genpayment':
      return `${root}/genpayment/${account.shop}`;
    case 'shopline':
      return `${root}/shopline/${account.handle}`;
    case 'neox':
      return `${root}/neox`;
    default: {
      const unreachable: never = account;
      throw new Error(`unknown sandbox account ${String(unreachable)}`);
    }
  }
}


/** What a connection to this account is configured with (settings and secrets), as the provider's docs name them. */
export function sandboxConnectionConfig(account: SandboxAccount): {
  settings: Record<string, string>;
  credentials: Record<string, string>;
} {
  switch (account.provider) {
    case 'genpayment':
      return { settings: { shop: account.shop }, credentials: { accessToken: account.accessToken } };
    case 'shopline':
      return { settings: { handle: account.handle }, credentials: { accessToken: account.accessToken } };
    case 'neox':
      return {
        settings: { subMerchantId: account.subMerchantId },
        credentials: { clientId: account.clientId, clientSecret: account.clientSecret },
      };
    default: {
      const unreachable: never = account;
      throw new Error(`unknown sandbox account ${String(unreachable)}`);
    }
  }
}
