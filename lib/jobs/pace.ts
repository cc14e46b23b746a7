import type { ProviderId } from '@/lib/providers/types';

/**
 * The seam where a job's provider page requests wait their turn. Until the shared provider budget paces
 * every call, this spaces a connection's job pages at the provider's documented rate in this process, so
 * a long walk does not run into 429s. Swap `jobPacer` for the budget's background priority when it lands.
 */

/** Documented request rates (shared/providers/README.md): SHOPLINE 4/s, GenPayment refills 2/s; NeoX is undocumented. */
export const DOCUMENTED_RATE_PER_SECOND: Readonly<Record<ProviderId, number>> = { shopline: 4, genpayment: 2, neox: 10 };

export interface Pacer {
  /** Resolves when the next request for `key` may be sent; rejects when the signal aborts. */
  turn(key: string, signal?: AbortSignal): Promise<void>;
}

export function intervalPacer(intervalMsOf: (key: string) => number, now: () => number = Date.now): Pacer {
  const nextAt = new Map<string, number>();
  return {
    turn(key, signal) {
      const at = Math.max(now(), nextAt.get(key) ?? 0);
      nextAt.set(key, at + intervalMsOf(key));
      const delay = at - now();
      if (delay <= 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal?.reason);
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, delay);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

/** Keys are `<provider>:<connection id>`. */
export function pacerKey(provider: ProviderId, connectionId: string): string {
  return `${provider}:${connectionId}`;
}

export const jobPacer: Pacer = intervalPacer((key) => {
  const provider = key.slice(0, key.indexOf(':')) as ProviderId;
  return 1000 / (DOCUMENTED_RATE_PER_SECOND[provider] ?? 1);
});
