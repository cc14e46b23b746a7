import 'server-only';
import { serverEnv } from '@/lib/config/env';
import type { TokenStore } from '@/lib/providers/token-store';
import { sharedRedis } from '@/lib/redis/client';
import { BudgetRegistry } from './budget/registry';
import { ResponseCache } from './cache/cached';
import { MemoryCacheStore, RedisCacheStore } from './cache/store';
import { RedisTokenStore } from './token-store';

/** What every provider call of this process shares: budgets, the response cache, the token store. */
export interface ProviderRuntime {
  readonly budgets: BudgetRegistry;
  readonly cache: ResponseCache;
  /** undefined: tokens are shared in process only (the embedded default). */
  readonly tokenStore: TokenStore | undefined;
  readonly keyPrefix: string;
}

// On globalThis because Next.js may evaluate this module more than once in one process.
const RUNTIME_KEY = Symbol.for('fundsight.providerRuntime');
type Holder = { [RUNTIME_KEY]?: ProviderRuntime };

/** In Redis when REDIS_URL is set (shared by every instance), in this process's memory otherwise. */
export function providerRuntime(): ProviderRuntime {
  const holder = globalThis as typeof globalThis & Holder;
  const existing = holder[RUNTIME_KEY];
  if (existing) return existing;
  const env = serverEnv();
  const redis = sharedRedis();
  const keyPrefix = env.redisKeyPrefix;
  const runtime: ProviderRuntime = {
    budgets: new BudgetRegistry({ redis, keyPrefix }),
    cache: new ResponseCache(redis ? new RedisCacheStore(redis) : new MemoryCacheStore()),
    tokenStore: redis ? new RedisTokenStore(redis, keyPrefix, env.encryptionKey) : undefined,
    keyPrefix,
  };
  holder[RUNTIME_KEY] = runtime;
  return runtime;
}
