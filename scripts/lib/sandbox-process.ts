// The sandbox in its own process (as a provider is), for benchmarks that run the app's code in-process.
import { spawn, type ChildProcess } from 'node:child_process';

export interface SandboxProcess {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): void;
}

/** Starts `scripts/sandbox.ts` on `port` (0: any free one), with the documented rate limits unless told otherwise. */
export async function startSandboxProcess(options: { readonly port: number; readonly rateLimits: boolean }): Promise<SandboxProcess> {
  const args = ['tsx', 'scripts/sandbox.ts', '--port', String(options.port), ...(options.rateLimits ? [] : ['--no-rate-limits'])];
  const sandbox = spawn('npx', args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let output = '';
  for await (const chunk of sandbox.stdout ?? []) {
    output += String(chunk);
    const match = /listening on (\S+)/.exec(output);
    if (match?.[1]) {
      return {
        url: match[1],
        process: sandbox,
        stop: () => {
          if (sandbox.pid !== undefined) process.kill(-sandbox.pid, 'SIGTERM');
        },
      };
    }
  }
  throw new Error('sandbox did not start');
}

/** What the sandbox served one SHOPLINE store since the last reset: requests, and each list page's newest/oldest row time. */
export async function storeStats(sandboxUrl: string, handle: string): Promise<{ requests: number; pages: [number, number][] }> {
  const body = (await (await fetch(`${sandboxUrl}/__sandbox/stats`)).json()) as {
    accounts: Record<string, { requests: number; pages: [number, number][] } | undefined>;
  };
  const stats = body.accounts[`shopline:${handle}`];
  return { requests: stats?.requests ?? 0, pages: stats?.pages ?? [] };
}

export async function resetStats(sandboxUrl: string): Promise<void> {
  await fetch(`${sandboxUrl}/__sandbox/stats`, { method: 'DELETE' });
}
