import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CacheStore } from './store';

/** What a cache answers: the value and when it was fetched from the provider. */
export interface Cached<T> {
  readonly value: T;
  readonly fetchedAt: number;
}

export interface CacheKeyParts {
  readonly kind: string;
  readonly organizationId: string;
  readonly connectionId: string;
  /** Everything else that shapes the answer (query, cursor, ids); hashed into the key. */
  readonly request?: unknown;
}

/** Tenant first: an organisation's entries can never answer another's, even for the same provider account. */
export function cacheKey(prefix: string, parts: CacheKeyParts): string {
  const request = createHash('sha256').update(JSON.stringify(parts.request ?? null)).digest('hex').slice(0, 32);
  return `${prefix}cache:${parts.kind}:${parts.organizationId}:${parts.connectionId}:${request}`;
}

export interface LoadOptions<T> {
  readonly key: string;
  readonly ttlMs: number | ((value: T) => number);
  /** Validates what comes back from the store (Redis is a boundary); a mismatch is a miss. */
  readonly schema: z.ZodType<T, unknown>;
  readonly encode: (value: T) => unknown;
  /** Skip the stored answer (a person pressed Refresh); identical loads in flight are still shared. */
  readonly refresh?: boolean;
  readonly load: () => Promise<T>;
}

const entrySchema = z.object({ fetchedAt: z.number(), value: z.unknown() });
/** Longest another instance's load is waited for before this one loads by itself. */
const LOCK_MS = 25_000;
const POLL_MS = 50;

/**
 * A response cache with coalescing: identical loads in this process share one promise; with a shared
 * store, one instance holds a short lock while it loads and the others wait for its stored answer.
 * Failures are never cached. A store that does not answer is a miss, not a failure: the provider
 * budget decides whether the call may be made.
 */
export class ResponseCache {
  private readonly inflight = new Map<string, Promise<Cached<unknown>>>();

  constructor(private readonly store: CacheStore) {}

  async load<T>(options: LoadOptions<T>): Promise<Cached<T>> {
    const requestedAt = Date.now();
    if (!options.refresh) {
      const hit = await this.read(options);
      if (hit) return hit;
    }
    const running = this.inflight.get(options.key) as Promise<Cached<T>> | undefined;
    if (running) return running;
    const loading = this.loadOnce(options, requestedAt).finally(() => this.inflight.delete(options.key));
    this.inflight.set(options.key, loading);
    return loading;
  }

  private async loadOnce<T>(options: LoadOptions<T>, requestedAt: number): Promise<Cached<T>> {
    const locked = await this.store.lock(options.key, LOCK_MS).catch(() => true);
    if (!locked) {
      const theirs = await this.waitForOther(options, requestedAt);
      if (theirs) return theirs;
    }
    try {
      const value = await options.load();
      const fetched = { value, fetchedAt: Date.now() };
      const ttl = typeof options.ttlMs === 'function' ? options.ttlMs(value) : options.ttlMs;
      if (ttl > 0) {
        const text = JSON.stringify({ fetchedAt: fetched.fetchedAt, value: options.encode(value) });
        await this.store.set(options.key, text, ttl).catch(() => undefined);
      }
      return fetched;
    } finally {
      if (locked) await this.store.unlock(options.key).catch(() => undefined);
    }
  }

  /** Another instance is loading: its answer (fetched after we asked), or null once its lock is gone. */
  private async waitForOther<T>(options: LoadOptions<T>, requestedAt: number): Promise<Cached<T> | null> {
    const giveUpAt = Date.now() + LOCK_MS;
    while (Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const hit = await this.read(options);
      if (hit && (!options.refresh || hit.fetchedAt >= requestedAt)) return hit;
      if (!(await this.store.isLocked(options.key).catch(() => false))) {
        // It may have stored its answer just before letting go of the lock.
        const last = await this.read(options);
        return last && (!options.refresh || last.fetchedAt >= requestedAt) ? last : null;
      }
    }
    return null;
  }

  private async read<T>(options: LoadOptions<T>): Promise<Cached<T> | null> {
    const text = await this.store.get(options.key).catch(() => null);
    if (text === null) return null;
    try {
      const entry = entrySchema.parse(JSON.parse(text));
      const value = options.schema.safeParse(entry.value);
      return value.success ? { value: value.data, fetchedAt: entry.fetchedAt } : null;
    } catch {
      return null;
    }
  }
}
