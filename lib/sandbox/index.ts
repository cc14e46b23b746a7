import type { AddressInfo } from 'node:net';
import { FaultRegistry, type FaultController } from './faults';
import { createSandboxServer } from './server';
import { SandboxStats } from './stats';

export { SANDBOX_ACCOUNTS, sandboxBaseUrl } from './accounts';
export type { SandboxAccount, SandboxMerchant } from './accounts';
export type { Fault, FaultController, FaultKind, SandboxProvider } from './faults';
export type { AccountStats } from './stats';

export interface SandboxOptions {
  /** 0 = a random free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** Time of the newest transaction; default: start of the current UTC hour, so demo data is recent. */
  anchor?: Date;
  /** false disables 429 simulation (benchmarks). */
  rateLimits?: boolean;
  neoxTokenTtlSeconds?: number;
  /** Request log: method, path, status, duration and applied faults; never tokens. */
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  close(): Promise<void>;
  faults: FaultController;
  /** Requests served and 429s sent per account, as GET /__sandbox/stats reports them. */
  stats: SandboxStats;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1';
  const anchor = opts.anchor ?? startOfUtcHour(new Date());
  const faults = new FaultRegistry();
  const stats = new SandboxStats();
  const server = createSandboxServer({
    stats,
    ctx: {
      seed: opts.seed ?? 42,
      anchorSeconds: Math.floor(anchor.getTime() / 1000),
      rateLimits: opts.rateLimits ?? true,
      neoxTokenTtlSeconds: opts.neoxTokenTtlSeconds ?? 7200,
    },
    faults,
    log: opts.log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    faults,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function startOfUtcHour(now: Date): Date {
  const hour = new Date(now);
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}
