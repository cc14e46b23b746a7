import { afterAll, describe, expect, it } from 'vitest';
import { assertRedisReachable, createRedis, RedisUnavailableError } from '@/lib/redis/client';

const REDIS_URL = process.env.FUNDSIGHT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('the Redis connection', () => {
  const redis = createRedis(REDIS_URL);
  afterAll(() => redis.disconnect());

  it('reaches the machine’s Redis server', async () => {
    const key = `fundsight:test:${process.pid}:${Date.now()}`;
    await redis.set(key, 'ok', 'PX', 5_000);
    expect(await redis.get(key)).toBe('ok');
    await redis.del(key);
  });

  it('refuses start-up with one line naming REDIS_URL, without its password, when Redis does not answer', async () => {
    const unreachable = 'redis://:hunter2@127.0.0.1:1/0';
    const failure = await assertRedisReachable(unreachable, 1_500).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(RedisUnavailableError);
    const message = (failure as Error).message;
    expect(message).toMatch(/REDIS_URL/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });

  it('fails a command within its timeout, instead of waiting for Redis to return', async () => {
    const away = createRedis('redis://127.0.0.1:1/0', { commandTimeoutMs: 1_000 });
    const started = Date.now();
    await expect(away.get('anything')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
    away.disconnect();
  });
});
