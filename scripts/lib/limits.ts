// What the providers' documented limits mean for a benchmark: the floor they set, and a budget for
// scripts that call the sandbox directly (without the app's budget in between).
import { BudgetRegistry } from '@/lib/connections/budget/registry';
import type { ProviderBudget } from '@/lib/providers/budget';
import { rateBudgetFor } from '@/lib/providers/registry';

/** SHOPLINE Payments: a leaky bucket of 4 requests/s per store, burst 40. */
export const SHOPLINE_LIMIT = { burst: 40, perSecond: 4 } as const;

/** Least time `calls` calls on one store can take under the limit, starting from an empty bucket. */
export function limitFloorSeconds(calls: number, limit: { burst: number; perSecond: number } = SHOPLINE_LIMIT): number {
  return Math.max(0, (calls - limit.burst) / limit.perSecond);
}

export const limitsNote = (on: boolean) =>
  on ? 'sandbox rate limits ON (SHOPLINE 4/s per store, burst 40)' : 'sandbox rate limits OFF (--no-rate-limits)';

const registry = new BudgetRegistry({ redis: null, keyPrefix: 'bench:' });

/** The SHOPLINE store's budget in this process, as the app shapes it. */
export function shoplineBudget(baseUrl: string, handle: string): ProviderBudget {
  return registry.gate('shopline', rateBudgetFor({ provider: 'shopline', baseUrl, settings: { handle } }));
}

/** Lets the sandbox's bucket for a store drain (40 at 4/s) before another process starts calling it. */
export const drainBucket = () => new Promise((resolve) => setTimeout(resolve, 11_000));
