import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cacheKey, ResponseCache } from '@/lib/connections/cache/cached';
import { MemoryCacheStore } from '@/lib/connections/cache/store';

const schema = z.object({ figure: z.string() });
type Value = z.infer<typeof schema>;

function counting(value: Value, delayMs = 20) {
  let calls = 0;
  return {
    load: async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return value;
    },
    get calls() {
      return calls;
    },
  };
}

const options = (key: string, load: () => Promise<Value>, extra: { refresh?: boolean; ttlMs?: number } = {}) => ({
  key,
  ttlMs: extra.ttlMs ?? 30_000,
  schema,
  encode: (v: Value) => v,
  refresh: extra.refresh,
  load,
});

describe('cache keys', () => {
  const base = { kind: 'balances', organizationId: 'org-a', connectionId: 'conn-1' };

  it('hold the tenant, the connection and the request', () => {
    const key = cacheKey('fundsight:', base);
    expect(key).toMatch(/^fundsight:cache:balances:org-a:conn-1:/);
    expect(cacheKey('fundsight:', { ...base, organizationId: 'org-b' })).not.toBe(key);
    expect(cacheKey('fundsight:', { ...base, connectionId: 'conn-2' })).not.toBe(key);
    expect(cacheKey('fundsight:', { ...base, request: { limit: 10 } })).not.toBe(cacheKey('fundsight:', { ...base, request: { limit: 20 } }));
    expect(cacheKey('fundsight:', { ...base, request: { limit: 10 } })).toBe(cacheKey('fundsight:', { ...base, request: { limit: 10 } }));
  });
});

describe('ResponseCache', () => {
  it('coalesces identical loads in flight into one provider call', async () => {
    const cache = new ResponseCache(new MemoryCacheStore());
    const source = counting({ figure: '1.00' });
    const answers = await Promise.all(Array.from({ length: 25 }, () => cache.load(options('k', source.load))));
    expect(source.calls).toBe(1);
    expect(new Set(answers.map((a) => a.fetchedAt)).size).toBe(1);
    expect(answers.every((a) => a.value.figure === '1.00')).toBe(true);
  });

  it('answers from the cache within its lifetime, with the time the figures were fetched', async () => {
    const cache = new ResponseCache(new MemoryCacheStore());
    const source = counting({ figure: '2.00' });
    const first = await cache.load(options('k', source.load));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = await cache.load(options('k', source.load));
    expect(source.calls).toBe(1);
    expect(second.fetchedAt).toBe(first.fetchedAt);
    expect(Date.now() - second.fetchedAt).toBeGreaterThanOrEqual(30);
  });

  it('loads again once the lifetime is over', async () => {
    const cache = new ResponseCache(new MemoryCacheStore());
    const source = counting({ figure: '3.00' }, 0);
    await cache.load(options('k', source.load, { ttlMs: 20 }));
    await new Promise((resolve) => setTimeout(resolve, 40));
    await cache.load(options('k', source.load, { ttlMs: 20 }));
    expect(source.calls).toBe(2);
  });

  it('refresh fetches past the cache, and concurrent refreshes still share one call', async () => {
    const cache = new ResponseCache(new MemoryCacheStore());
    const source = counting({ figure: '4.00' });
    const first = await cache.load(options('k', source.load));
    const refreshed = await Promise.all([1, 2, 3].map(() => cache.load(options('k', source.load, { refresh: true }))));
    expect(source.calls).toBe(2);
    expect(refreshed[0]?.fetchedAt).toBeGreaterThan(first.fetchedAt);
  });

  it('never caches a failure', async () => {
    const cache = new ResponseCache(new MemoryCacheStore());
    let calls = 0;
    const failing = async (): Promise<Value> => {
      calls += 1;
      throw new Error('provider down');
    };
    await expect(cache.load(options('k', failing))).rejects.toThrow('provider down');
    await expect(cache.load(options('k', failing))).rejects.toThrow('provider down');
    expect(calls).toBe(2);
  });

  it('treats a stored entry of the wrong shape as a miss', async () => {
    const store = new MemoryCacheStore();
    await store.set('k', JSON.stringify({ fetchedAt: 1, value: { figure: 12 } }), 30_000);
    const source = counting({ figure: '5.00' }, 0);
    const answer = await new ResponseCache(store).load(options('k', source.load));
    expect(answer.value.figure).toBe('5.00');
    expect(source.calls).toBe(1);
  });

  it('keeps the memory store bounded, dropping the oldest entries first', async () => {
    const store = new MemoryCacheStore(3);
    for (const key of ['a', 'b', 'c', 'd']) await store.set(key, key, 60_000);
    expect(store.size).toBe(3);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('d')).toBe('d');
  });
});
