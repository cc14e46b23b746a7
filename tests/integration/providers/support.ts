import { afterAll, beforeAll } from 'vitest';
import type { HttpOptions, LogEntry } from '@/lib/providers/http';
import { createProviderClient } from '@/lib/providers/registry';
import type { ProviderClient } from '@/lib/providers/types';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, startSandbox, type Sandbox, type SandboxAccount } from '@/lib/sandbox';
import { sandboxConnectionConfig } from '@/lib/sandbox/accounts';

export type SandboxOptions = NonNullable<Parameters<typeof startSandbox>[0]>;

/** Small timeouts and delays so failure paths finish in milliseconds. */
export const FAST_HTTP: Partial<HttpOptions> = { timeoutMs: 800, maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 };

/** Starts a real sandbox over HTTP for the file; read `.current` inside tests. */
export function sandboxPerSuite(options: SandboxOptions = {}) {
  const state: { current: Sandbox | null; lines: string[] } = { current: null, lines: [] };
  beforeAll(async () => {
    state.current = await startSandbox({ port: 0, rateLimits: false, ...options, log: (line) => state.lines.push(line) });
  });
  afterAll(async () => {
    await state.current?.close();
  });
  return {
    get sandbox(): Sandbox {
      if (!state.current) throw new Error('sandbox not started');
      return state.current;
    },
    /** The sandbox's own request log lines ("METHOD /path status ms"), for counting requests server-side. */
    requests(pathSuffix: string): string[] {
      return state.lines.filter((line) => line.split(' ')[1]?.endsWith(pathSuffix));
    },
  };
}

export function account<P extends SandboxAccount['provider']>(provider: P, key: string): Extract<SandboxAccount, { provider: P }> {
  const found = SANDBOX_ACCOUNTS.find((a) => a.provider === provider && a.key === key);
  if (!found) throw new Error(`no sandbox account ${key}`);
  return found as Extract<SandboxAccount, { provider: P }>;
}

export interface ClientOptions {
  readonly http?: Partial<HttpOptions>;
  readonly credentials?: object;
  /** Merged over the account's own settings, e.g. a NeoX timeZone. */
  readonly settings?: object;
  readonly logs?: LogEntry[];
}

/** A client built through the registry, exactly as the app builds one, pointed at the sandbox. */
export function clientFor(sandbox: Sandbox, acc: SandboxAccount, opts: ClientOptions = {}): ProviderClient {
  const connection = sandboxConnectionConfig(acc);
  return createProviderClient({
    provider: acc.provider,
    baseUrl: sandboxBaseUrl(sandbox.url, acc),
    settings: { ...connection.settings, ...opts.settings },
    credentials: opts.credentials ?? connection.credentials,
    http: { ...FAST_HTTP, ...opts.http, log: opts.logs ? (entry) => opts.logs?.push(entry) : undefined },
  });
}

export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
}
