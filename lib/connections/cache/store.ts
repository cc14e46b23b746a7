import type { Redis } from 'ioredis';

/** Where cached responses and load locks live: this process's memory, or Redis shared by every instance. */
export interface CacheStore {
  readonly shared: boolean;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** true when this caller now holds the lock (nobody else is loading `key`). */
  lock(key: string, ttlMs: number): Promise<boolean>;
  unlock(key: string): Promise<void>;
  isLocked(key: string): Promise<boolean>;
}

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/** A bounded map: the oldest entry goes first when full; expired entries are dropped on read. */
export class MemoryCacheStore implements CacheStore {
  readonly shared = false;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 5_000) {}

  async get(key: string): Promise<string | null> {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  // One process: the in-process coalescing already makes a single loader.
  async lock(): Promise<boolean> {
    return true;
  }

  async unlock(): Promise<void> {}

  async isLocked(): Promise<boolean> {
    return false;
  }

  get size(): number {
    return this.entries.size;
  }
}

export class RedisCacheStore implements CacheStore {
  readonly shared = true;

  constructor(private readonly redis: Redis) {}

  get(key: string): Promise<string | null> {
    return this.redis.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async lock(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(`${key}:lock`, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async unlock(key: string): Promise<void> {
    await this.redis.del(`${key}:lock`);
  }

  async isLocked(key: string): Promise<boolean> {
    return (await this.redis.exists(`${key}:lock`)) === 1;
  }
}
