import { z } from 'zod';
import { PROVIDER_IDS } from '@/lib/domain/provider-ids';

/**
 * The sandbox accounts as the app's demo seed sees them, without any provider's particulars or credentials:
 * the seed imports this, never accounts.ts, so no sandbox token is bundled into a build. The seed reads the
 * accounts themselves, with what each connection is configured with, from the running sandbox
 * (GET /__sandbox/accounts).
 */

export type SandboxMerchant = 'acme' | 'globex';

/** Where an account's stand-in host lives below the sandbox root, and its connection's settings and secrets. */
export interface SandboxConnection {
  readonly path: string;
  readonly settings: Readonly<Record<string, string>>;
  readonly credentials: Readonly<Record<string, string>>;
}

/** One account as the sandbox lists it. */
export interface SandboxListing {
  readonly provider: (typeof PROVIDER_IDS)[number];
  readonly key: string;
  readonly label: string;
  readonly merchant: SandboxMerchant;
  readonly connection: SandboxConnection;
}

const record = z.record(z.string(), z.string());

/** The sandbox's answer to GET /__sandbox/accounts, checked like any other response. */
export const sandboxAccountsSchema = z.object({
  accounts: z.array(
    z.object({
      provider: z.enum(PROVIDER_IDS),
      key: z.string(),
      label: z.string(),
      merchant: z.enum(['acme', 'globex']),
      connection: z.object({ path: z.string().regex(/^\/[^?#]*$/), settings: record, credentials: record }),
    }),
  ),
});

/** The base URL a provider client is configured with: the sandbox's stand-in for the provider's real host. */
export function sandboxBaseUrl(sandboxUrl: string, account: Pick<SandboxListing, 'connection'>): string {
  return `${sandboxUrl.replace(/\/+$/, '')}${account.connection.path}`;
}

/** What a connection to this account is configured with (settings and secrets), as the provider's docs name them. */
export function sandboxConnectionConfig(account: Pick<SandboxListing, 'connection'>): {
  settings: Record<string, string>;
  credentials: Record<string, string>;
} {
  return { settings: { ...account.connection.settings }, credentials: { ...account.connection.credentials } };
}
