export type Clock = () => number;

const systemClock: Clock = () => performance.now();

/** GenPayment/NeoX style: `capacity` tokens, refilled continuously at `refillPerSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = capacity;
    this.last = clock();
  }

  /** Takes one token; `used` is what the provider reports as `<used>/<capacity>`. */
  take(): { ok: boolean; used: number } {
    this.refill();
    if (this.tokens < 1) return { ok: false, used: this.capacity };
    this.tokens -= 1;
    return { ok: true, used: Math.min(this.capacity, Math.ceil(this.capacity - this.tokens)) };
  }

  /** Current `used` without taking a token (for responses that bypass the limiter). */
  peekUsed(): number {
    this.refill();
    return Math.min(this.capacity, Math.ceil(this.capacity - this.tokens));
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.refillPerSecond);
    this.last = now;
  }
}

/** SHOPLINE style: each request adds one drop, the bucket leaks `leakPerSecond`, overflow past `burst` is refused. */
export class LeakyBucket {
  private level = 0;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly leakPerSecond: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.last = clock();
  }

  take(): boolean {
    const now = this.clock();
    this.level = Math.max(0, this.level - ((now - this.last) / 1000) * this.leakPerSecond);
    this.last = now;
    if (this.level + 1 > this.burst) return false;
    this.level += 1;
    return true;
  }
}

/** One bucket per key (per shop, per store, per client), created on first use. */
export class Buckets<B> {
  private readonly byKey = new Map<string, B>();

  constructor(private readonly create: () => B) {}

  get(key: string): B {
    let bucket = this.byKey.get(key);
    if (!bucket) {
      bucket = this.create();
      this.byKey.set(key, bucket);
    }
    return bucket;
  }
}
