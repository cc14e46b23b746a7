import { afterAll, describe, expect, it } from 'vitest';
import { BudgetRegistry } from '@/lib/connections/budget/registry';
import { ResponseCache } from '@/lib/connections/cache/cached';
import { RedisCacheStore } from '@/lib/connections/cache/store';
import { RedisTokenStore } from '@/lib/connections/token-store';
import { BudgetUnavailableError } from '@/lib/providers/budget';
import { z } from 'zod';
import { connect, ThrowawayRedis, uniquePrefix } from './redis';

const SHOPLINE = { accountKey: 'https://acme.myshopline.com\nacme', burst: 40, perSecond: 4 };
const soon = (ms: number) => Date.now() + ms;

describe('budgets in Redis, shared by instances', () => {
  const a = connect();
  const b = connect();
  afterAll(() => {
    a.disconnect();
    b.disconnect();
  });

  it('two instances on one Redis take from one budget: one burst between them, not one each', async () => {
    const keyPrefix = uniquePrefix('shared');
    const first = new BudgetRegistry({ redis: a, keyPrefix }).gate('shopline', SHOPLINE);
    const second = new BudgetRegistry({ redis: b, keyPrefix }).gate('shopline', SHOPLINE);
    // 3 steady + 16 burst may go at once; everything else must wait for a window.
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? first : second).take({ priority: 'interactive', deadline: soon(300) }).then(
          () => 'taken',
          () => 'refused',
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'taken')).toHaveLength(19);
  });

  it('fails clearly while Redis is away, never unlimited, and recovers when it returns', async () => {
    const server = new ThrowawayRedis(3549);
    await server.start();
    const redis = (await import('@/lib/redis/client')).createRedis(server.url);
    try {
      const gate = new BudgetRegistry({ redis, keyPrefix: uniquePrefix('lost') }).gate('shopline', SHOPLINE);
      await gate.take({ priority: 'interactive', deadline: soon(2_000) });

      await server.stop();
      const started = Date.now();
      const refused = await gate.take({ priority: 'interactive', deadline: soon(10_000) }).then(() => null, (e: unknown) => e);
      expect(refused).toBeInstanceOf(BudgetUnavailableError);
      expect((refused as Error).message).toMatch(/SHOPLINE Payments was not called: its request budget cannot be checked/);
      expect(Date.now() - started).toBeLessThan(5_000);

      await server.start();
      const deadline = Date.now() + 10_000;
      let recovered = false;
      while (!recovered && Date.now() < deadline) {
        recovered = await gate.take({ priority: 'interactive', deadline: soon(2_000) }).then(() => true, () => false);
        if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(recovered).toBe(true);
    } finally {
      redis.disconnect();
      await server.stop();
    }
  }, 30_000);
});

describe('the response cache and the token store in Redis', () => {
  const a = connect();
  const b = connect();
  afterAll(() => {
    a.disconnect();
    b.disconnect();
  });

  it('coalesces one load across instances: the second waits for the first one’s stored answer', async () => {
    const prefix = uniquePrefix('coalesce');
    const key = `${prefix}cache:balances:org:conn:x`;
    let calls = 0;
    const load = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { figure: '10.00' };
    };
    const options = { key, ttlMs: 30_000, schema: z.object({ figure: z.string() }), encode: (v: { figure: string }) => v, load };
    const [first, second] = await Promise.all([
      new ResponseCache(new RedisCacheStore(a)).load(options),
      new ResponseCache(new RedisCacheStore(b)).load(options),
    ]);
    expect(calls).toBe(1);
    expect(second.value).toEqual(first.value);
    expect(second.fetchedAt).toBe(first.fetchedAt);
  });

  it('shares a token between instances, and Redis never holds it in clear', async () => {
    const prefix = uniquePrefix('token');
    const key = Buffer.alloc(32, 9);
    const token = { accessToken: 'neox-access-token-abcdef', refreshAt: Date.now() + 60_000 };
    await new RedisTokenStore(a, prefix, key).set('client', token);
    expect(await new RedisTokenStore(b, prefix, key).get('client')).toEqual(token);
    const raw = await a.get(`${prefix}token:client`);
    expect(raw).not.toBeNull();
    expect(raw).not.toContain('neox-access-token');
    await new RedisTokenStore(b, prefix, key).delete('client', token.accessToken);
    expect(await a.get(`${prefix}token:client`)).toBeNull();
  });
});
