/** A small in-process LRU whose entries expire; a bounded number of entries, oldest use evicted first. */
export class TtlLru<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly expires: number }>();

  constructor(
    readonly maxEntries: number,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    // Re-inserted so Map order stays least recently used first.
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface FlowsCacheKey {
  readonly organizationId: string;
  /** "all" or a connection id. */
  readonly account: string;
  /** The accounts actually summed, so adding or removing one is a new key. */
  readonly accountIds: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  /** "" for "the period's main currency" (no currency asked for). */
  readonly currency: string;
}

/** The organization comes first and is always part of the key: one merchant's figures never answer another's. */
export function flowsCacheKey(key: FlowsCacheKey): string {
  return JSON.stringify([key.organizationId, key.account, [...key.accountIds].sort(), key.from, key.to, key.timeZone, key.currency]);
}
