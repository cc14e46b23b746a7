import type { SandboxConnection } from './account-types';
import type { SandboxDeclaration } from './declaration';
import { SANDBOX_DECLARATIONS } from './providers';

export { sandboxBaseUrl, sandboxConnectionConfig, type SandboxMerchant } from './account-types';

type Declared = (typeof SANDBOX_DECLARATIONS)[number];

/** A sandbox account with its provider's own fields and, derived from its declaration, its connection. */
export type SandboxAccount = Declared['accounts'][number] & { readonly connection: SandboxConnection };

function withConnections<D extends SandboxDeclaration>(declaration: D): SandboxAccount[] {
  const connection = declaration.connection as (account: D['accounts'][number]) => SandboxConnection;
  return declaration.accounts.map((account) => ({ ...account, connection: connection(account) }) as SandboxAccount);
}

/** Every provider's demo and test accounts, each with what a connection to it is configured with. */
export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = SANDBOX_DECLARATIONS.flatMap((declaration) => withConnections(declaration));

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
