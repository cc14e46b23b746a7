import { digits, intBetween, saltOf } from '../hash';
import type { StoreParams } from './stores';

const CYCLE = 64;
const FIELD_BLOCK_SIZE = 1;

/**
 * Index arithmetic of one store. Two index spaces: `i` (0 = newest, what the API pages over) and
 * `j = N - 1 - i` (0 = oldest). Payouts are contiguous j-ranges ("blocks") laid out from the oldest
 * transaction, block sizes repeating in a cycle of 64, so every lookup is O(log 64). Within a block the
 * oldest j is the balancing payment, the newest j is the payout line; the newest transactions after the
 * last complete block are the unpaid head.
 */
export class StoreLayout {
  readonly count: number;
  /** Number of payouts (complete blocks). */
  readonly payoutCount: number;
  /** First j of the unpaid head; i < unpaidCount are unpaid. */
  readonly headStartJ: number;
  readonly unpaidCount: number;
  readonly salt: number;
  private readonly sizes: number[] = [];
  private readonly prefix: number[] = [0];
  private readonly cycleLength: number;
  private readonly txPrefix: string;
  private readonly txLow: number;
  private readonly txBase: bigint;
  private readonly payoutPrefix: string;
  private readonly payoutLow: number;
  private readonly payoutBase: bigint;

  constructor(params: StoreParams, seed: number) {
    this.count = params.account.transactionCount;
    this.salt = saltOf(`shopline:${params.account.handle}`);
    for (let c = 0; c < CYCLE; c += 1) {
      const size = intBetween(seed, this.salt, c, FIELD_BLOCK_SIZE, params.blockMin, params.blockMax);
      this.sizes.push(size);
      this.prefix.push((this.prefix[c] ?? 0) + size);
    }
    this.cycleLength = this.prefix[CYCLE] ?? 0;
    this.payoutCount = this.blocksFitting(this.count - params.unpaidMin);
    this.headStartJ = this.blockStart(this.payoutCount);
    this.unpaidCount = this.count - this.headStartJ;
    // Ids do not depend on the seed or the anchor, so they stay stable across runs.
    this.txPrefix = `20${params.code}1${digits(0, this.salt, 0, 2, 12)}`;
    this.txLow = 100_000_000 + (this.salt % 500_000_000);
    this.txBase = BigInt(this.txPrefix + String(this.txLow));
    this.payoutPrefix = `20${params.code}9${digits(0, this.salt, 0, 3, 12)}`;
    this.payoutLow = 100_000_000 + ((this.salt >>> 3) % 500_000_000);
    this.payoutBase = BigInt(this.payoutPrefix + String(this.payoutLow));
  }

  blockStart(k: number): number {
    return Math.floor(k / CYCLE) * this.cycleLength + (this.prefix[k % CYCLE] ?? 0);
  }

  blockEnd(k: number): number {
    return this.blockStart(k + 1);
  }

  /** Block holding j; only meaningful for j < headStartJ. */
  blockOfJ(j: number): number {
    const cycle = Math.floor(j / this.cycleLength);
    const rest = j - cycle * this.cycleLength;
    let lo = 0;
    let hi = CYCLE - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.prefix[mid] ?? 0) <= rest) lo = mid;
      else hi = mid - 1;
    }
    return cycle * CYCLE + lo;
  }

  /** i-range [from, to) of block k: its payout line is at `from`, its balancing payment at `to - 1`. */
  blockRangeI(k: number): [number, number] {
    return [this.count - this.blockEnd(k), this.count - this.blockStart(k)];
  }

  transactionId(i: number): string {
    return this.txPrefix + String(this.txLow + (this.count - 1 - i));
  }

  /** First i whose id is numerically smaller than `id` (i.e. strictly older). */
  firstOlderThan(id: bigint): number {
    return clamp(BigInt(this.count) - (id - this.txBase), this.count);
  }

  /** Exclusive end of the i whose id is numerically greater than `id` (strictly newer). */
  endNewerThan(id: bigint): number {
    return clamp(BigInt(this.count - 1) - (id - this.txBase), this.count);
  }

  /** Payout ids grow with time: k = 0 is the oldest payout. */
  payoutId(k: number): string {
    return this.payoutPrefix + String(this.payoutLow + k);
  }

  payoutIndexOf(id: string): number | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const k = BigInt(id) - this.payoutBase;
    return k >= 0n && k < BigInt(this.payoutCount) ? Number(k) : undefined;
  }

  /** Payout ranks r (0 = newest) strictly older than payout id `id`. */
  firstPayoutRankOlderThan(id: bigint): number {
    return clamp(BigInt(this.payoutCount) - (id - this.payoutBase), this.payoutCount);
  }

  endPayoutRankNewerThan(id: bigint): number {
    return clamp(BigInt(this.payoutCount - 1) - (id - this.payoutBase), this.payoutCount);
  }

  private blocksFitting(length: number): number {
    if (length <= 0) return 0;
    const cycles = Math.floor(length / this.cycleLength);
    const rest = length - cycles * this.cycleLength;
    let m = 0;
    while (m + 1 < CYCLE && (this.prefix[m + 1] ?? 0) <= rest) m += 1;
    return cycles * CYCLE + m;
  }
}

function clamp(value: bigint, max: number): number {
  if (value < 0n) return 0;
  if (value > BigInt(max)) return max;
  return Number(value);
}
