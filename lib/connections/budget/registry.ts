import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ProviderId, RateBudget } from '@/lib/providers/types';
import { BudgetGate } from './gate';
import { budgetWindows, type BudgetWindow } from './shape';

export interface BudgetStore {
  /** null: this process's memory (one instance); a Redis connection: shared by every instance using it. */
  readonly redis: Redis | null;
  readonly keyPrefix: string;
}

function limiter(store: BudgetStore, name: string, window: BudgetWindow): RateLimiterAbstract {
  const options = { keyPrefix: `${store.keyPrefix}budget:${name}`, points: window.points, duration: window.duration };
  // While Redis is away a command fails within the connection's command timeout: the call is refused, never unlimited.
  return store.redis
    ? new RateLimiterRedis({ ...options, storeClient: store.redis })
    : new RateLimiterMemory(options);
}

/** The provider's own account, never the tenant: two organisations on one store share its budget. */
export function budgetKey(provider: ProviderId, accountKey: string): string {
  return `${provider}:${createHash('sha256').update(accountKey).digest('hex').slice(0, 32)}`;
}

/** One gate per account and shape per process, so every client of that account queues in one line. */
export class BudgetRegistry {
  private readonly gates = new Map<string, BudgetGate>();

  constructor(private readonly store: BudgetStore) {}

  gate(provider: ProviderId, budget: RateBudget): BudgetGate {
    const windows = budgetWindows(budget);
    const key = budgetKey(provider, budget.accountKey);
    const shape = `${windows.steady.points}-${windows.steady.duration}-${windows.burst?.points ?? 0}-${windows.burst?.duration ?? 0}`;
    const id = `${key}:${shape}`;
    let gate = this.gates.get(id);
    if (!gate) {
      gate = new BudgetGate(provider, key, {
        steady: limiter(this.store, `${shape}:s`, windows.steady),
        burst: windows.burst && limiter(this.store, `${shape}:b`, windows.burst),
      });
      this.gates.set(id, gate);
    }
    return gate;
  }
}
