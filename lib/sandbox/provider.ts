import type { Fault, SandboxProvider } from './faults';
import type { SandboxRequest, SandboxResponse } from './http';

export interface SimulatorContext {
  seed: number;
  /** Epoch seconds of the newest generated transaction. */
  anchorSeconds: number;
  rateLimits: boolean;
  neoxTokenTtlSeconds: number;
}

export interface RequestHooks {
  /** Consumes matching drop_transaction faults; call only when about to list transactions. */
  takeDroppedPayouts(): string[];
}

/** One simulated provider behind its URL prefix (`/genpayment`, `/shopline`, `/neox`). */
export interface ProviderSimulator {
  readonly provider: SandboxProvider;
  /** Whether the first path segment after the prefix names the account (shop, handle). */
  readonly accountInPath: boolean;
  /** The account a fault's `account` is compared with (shop, handle, subMerchantId). */
  faultAccount(req: SandboxRequest): string | undefined;
  handle(req: SandboxRequest, hooks: RequestHooks): SandboxResponse;
  /** The provider's own answer for a `status` or `rate_limit` fault. */
  faultResponse(fault: Fault, req: SandboxRequest): SandboxResponse;
  /** The body with one amount replaced by a non-decimal, or undefined when it carries no amount. */
  corruptAmount(body: string): string | undefined;
  /** Adds headers every response of this provider carries. */
  finalize(res: SandboxResponse, req: SandboxRequest): SandboxResponse;
}

/** Replaces the first value of `key` (string or number) with a non-decimal string, keeping the JSON well-formed. */
export function replaceFirstAmount(body: string, keys: readonly string[], replacement: string): string | undefined {
  for (const key of keys) {
    const pattern = new RegExp(`("${key}"\\s*:\\s*)("[^"]*"|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)`);
    if (pattern.test(body)) return body.replace(pattern, `$1${JSON.stringify(replacement)}`);
  }
  return undefined;
}
