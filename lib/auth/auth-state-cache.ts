import 'server-only';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { loadAuthState, type AuthState } from '@/lib/db/sessions';
import { sharedRedis } from '@/lib/redis/client';
import { roleSchema } from './role-schema';

/** How stale a session check may be: a revocation takes effect within this time on every instance. */
export const AUTH_STATE_TTL_MS = 3_000;

const stateSchema = z.object({
  sessionVersion: z.number().int(),
  lockedUntil: z.iso.datetime().nullable(),
  activeSessionIds: z.array(z.string()),
  memberships: z.array(
    z.object({ organizationId: z.string(), name: z.string(), slug: z.string(), timezone: z.string(), role: roleSchema }),
  ),
});
const cachedSchema = z.object({ state: stateSchema.nullable() });

function serialize(state: AuthState | null): string {
  return JSON.stringify({ state: state && { ...state, lockedUntil: state.lockedUntil?.toISOString() ?? null } });
}

function deserialize(text: string): { state: AuthState | null } | null {
  try {
    const parsed = cachedSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { state } = parsed.data;
    return { state: state && { ...state, lockedUntil: state.lockedUntil ? new Date(state.lockedUntil) : null } };
  } catch {
    return null;
  }
}

export interface AuthStateCacheOptions {
  readonly load: (userId: string) => Promise<AuthState | null>;
  /** Shared across instances when set; otherwise one process's memory. */
  readonly redis: Redis | null;
  readonly prefix: string;
  readonly ttlMs?: number;
}

/** What the asking token holds: a cached state that predates it (a sign-in just now) is read afresh. */
export interface TokenClaims {
  readonly sessionId?: string;
  readonly sessionVersion?: number;
}

export interface AuthStateCache {
  get(userId: string, claims?: TokenClaims): Promise<AuthState | null>;
  /** Called after every change to a user's sessions, memberships or lock: the next request reads the database. */
  invalidate(userId: string): Promise<void>;
}

export function createAuthStateCache(options: AuthStateCacheOptions): AuthStateCache {
  const ttlMs = options.ttlMs ?? AUTH_STATE_TTL_MS;
  const memory = new Map<string, { text: string; expiresAt: number }>();
  const key = (userId: string) => `${options.prefix}auth:state:${userId}`;

  async function read(userId: string): Promise<string | null> {
    if (options.redis) return options.redis.get(key(userId));
    const hit = memory.get(userId);
    if (!hit || hit.expiresAt <= Date.now()) {
      memory.delete(userId);
      return null;
    }
    return hit.text;
  }

  async function write(userId: string, text: string): Promise<void> {
    if (options.redis) {
      await options.redis.set(key(userId), text, 'PX', ttlMs);
      return;
    }
    if (memory.size > 10_000) memory.clear();
    memory.set(userId, { text, expiresAt: Date.now() + ttlMs });
  }

  return {
    async get(userId, claims) {
      const cached = await read(userId);
      const hit = cached === null ? null : deserialize(cached);
      // Revocations only ever remove sessions or raise the version, so a newer token than the cache means a stale cache.
      const predates =
        hit?.state &&
        claims &&
        ((claims.sessionId !== undefined && !hit.state.activeSessionIds.includes(claims.sessionId)) ||
          (claims.sessionVersion !== undefined && claims.sessionVersion > hit.state.sessionVersion));
      if (hit && !predates) return hit.state;
      const state = await options.load(userId);
      await write(userId, serialize(state));
      return state;
    },
    async invalidate(userId) {
      memory.delete(userId);
      if (options.redis) await options.redis.del(key(userId));
    },
  };
}

const HOLDER = Symbol.for('fundsight.authStateCache');
type Holder = { [HOLDER]?: AuthStateCache };

/** The process's cache over the app database, in Redis when REDIS_URL is set. */
export function authStateCache(): AuthStateCache {
  const holder = globalThis as typeof globalThis & Holder;
  holder[HOLDER] ??= createAuthStateCache({
    load: async (userId) => loadAuthState(await getDb(), userId),
    redis: sharedRedis(),
    prefix: 'fundsight:',
  });
  return holder[HOLDER];
}
