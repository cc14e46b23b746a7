import { describe, expect, it } from 'vitest';
import { TtlLru, flowsCacheKey, type FlowsCacheKey } from '@/lib/flows/cache';

describe('TtlLru', () => {
  it('expires entries after the TTL', () => {
    let now = 0;
    const cache = new TtlLru<string>(10, 1_000, () => now);
    cache.set('a', 'A');
    now = 999;
    expect(cache.get('a')).toBe('A');
    now = 1_999;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry beyond its size', () => {
    const cache = new TtlLru<number>(2, 60_000);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});

describe('flowsCacheKey', () => {
  const base: FlowsCacheKey = {
    organizationId: 'org-a',
    account: 'all',
    accountIds: ['conn_2', 'conn_1'],
    from: '2026-03-01',
    to: '2026-03-31',
    timeZone: 'UTC',
    currency: 'USD',
  };

  it('differs for every part, the organization first of all', () => {
    const keys = [
      base,
      { ...base, organizationId: 'org-b' },
      { ...base, account: 'conn_1' },
      { ...base, accountIds: ['conn_1'] },
      { ...base, from: '2026-03-02' },
      { ...base, to: '2026-03-30' },
      { ...base, timeZone: 'Europe/Berlin' },
      { ...base, currency: 'CAD' },
      { ...base, currency: '' },
    ].map(flowsCacheKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not depend on the order of the accounts', () => {
    expect(flowsCacheKey({ ...base, accountIds: ['conn_1', 'conn_2'] })).toBe(flowsCacheKey(base));
  });
});
