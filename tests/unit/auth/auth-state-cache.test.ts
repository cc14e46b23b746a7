import { describe, expect, it } from 'vitest';
import { createAuthStateCache } from '@/lib/auth/auth-state-cache';
import type { AuthState } from '@/lib/db/sessions';

function counting(state: AuthState) {
  const loads: string[] = [];
  let current = state;
  return {
    loads,
    set: (next: AuthState) => (current = next),
    load: async (userId: string) => {
      loads.push(userId);
      return current;
    },
  };
}

const STATE: AuthState = { sessionVersion: 1, lockedUntil: new Date('2030-01-01T00:00:00Z'), activeSessionIds: ['sess_a'], memberships: [] };

describe('auth state cache (memory)', () => {
  it('serves repeated checks from the cache within the TTL, dates intact', async () => {
    const source = counting(STATE);
    const cache = createAuthStateCache({ load: source.load, redis: null, prefix: 't:', ttlMs: 60_000 });
    expect(await cache.get('u1')).toEqual(STATE);
    expect((await cache.get('u1'))?.lockedUntil).toEqual(STATE.lockedUntil);
    expect(source.loads).toEqual(['u1']);
  });

  it('reads the database again after invalidate and after the TTL', async () => {
    const source = counting(STATE);
    const cache = createAuthStateCache({ load: source.load, redis: null, prefix: 't:', ttlMs: 20 });
    await cache.get('u1');
    await cache.invalidate('u1');
    await cache.get('u1');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await cache.get('u1');
    expect(source.loads).toHaveLength(3);
  });

  it('reads afresh for a token newer than the cached state (a sign-in just now), not for an ended one', async () => {
    const source = counting(STATE);
    const cache = createAuthStateCache({ load: source.load, redis: null, prefix: 't:', ttlMs: 60_000 });
    await cache.get('u1', { sessionId: 'sess_a', sessionVersion: 1 });
    source.set({ ...STATE, activeSessionIds: ['sess_a', 'sess_b'] });
    expect((await cache.get('u1', { sessionId: 'sess_b', sessionVersion: 1 }))?.activeSessionIds).toContain('sess_b');
    await cache.get('u1', { sessionId: 'sess_a', sessionVersion: 1 });
    expect(source.loads).toHaveLength(2);
  });

  it('caches a missing user too', async () => {
    const loads: string[] = [];
    const cache = createAuthStateCache({ load: async (id) => (loads.push(id), null), redis: null, prefix: 't:', ttlMs: 60_000 });
    expect(await cache.get('gone')).toBeNull();
    expect(await cache.get('gone')).toBeNull();
    expect(loads).toHaveLength(1);
  });
});
