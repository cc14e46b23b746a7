import 'server-only';
import { Redis } from 'ioredis';
import { serverEnv } from '@/lib/config/env';

/** Redis is unreachable: whatever needed it (a budget, a cache, a job) cannot be checked, so it fails clearly. */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

/**
 * A Redis connection whose every command answers or fails within `commandTimeoutMs` (so a caller
 * never waits unboundedly while Redis is away) and that reconnects by itself when Redis returns.
 */
export function createRedis(url: string, options: { readonly lazyConnect?: boolean; readonly commandTimeoutMs?: number } = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: options.lazyConnect ?? false,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // ioredis emits 'error' on every failed reconnect; without a listener that is an unhandled event.
  redis.on('error', () => undefined);
  return redis;
}

let shared: Redis | null | undefined;

/** The process's shared connection when REDIS_URL is set; null for the embedded (in-memory) default. */
export function sharedRedis(): Redis | null {
  if (shared !== undefined) return shared;
  const url = serverEnv().redisUrl;
  shared = url ? createRedis(url) : null;
  return shared;
}

/** Start-up check: with REDIS_URL set, Redis must answer, or the server refuses to start. */
export async function assertRedisReachable(url: string, timeoutMs = 3_000): Promise<void> {
  const probe = createRedis(url, { lazyConnect: true });
  try {
    await Promise.race([
      probe.connect().then(() => probe.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs)),
    ]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'no answer';
    throw new RedisUnavailableError(`REDIS_URL is set but Redis at ${redactUrl(url)} does not answer (${reason})`);
  } finally {
    probe.disconnect();
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
