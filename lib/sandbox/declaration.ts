import type { ProviderId } from '@/lib/domain/provider-ids';
import type { SandboxConnection, SandboxMerchant } from './account-types';
import type { ProviderSimulator, SimulatorContext } from './provider';

/**
 * Everything the sandbox knows about one simulated provider, declared in its folder (`lib/sandbox/<id>/`):
 * its demo accounts, where each account's stand-in host lives and what a connection to it is configured
 * with, and the simulator behind its URL prefix. The server, the account list and the demo seed derive
 * from these declarations (lib/sandbox/providers.ts lists them).
 */
export interface SandboxAccountBase {
  readonly provider: ProviderId;
  readonly key: string;
  readonly label: string;
  readonly merchant: SandboxMerchant;
}

export interface SandboxDeclaration<P extends ProviderId = ProviderId, A extends SandboxAccountBase & { readonly provider: P } = SandboxAccountBase & { readonly provider: P }> {
  /** The provider id, also the sandbox's URL prefix (`/<id>/...`). */
  readonly provider: P;
  readonly accounts: readonly A[];
  /** The account's base URL below the sandbox root, and its connection's settings and credentials as the provider's docs name them. */
  connection(account: A): SandboxConnection;
  createSimulator(ctx: SimulatorContext): ProviderSimulator;
}
