import type { KeptDay, KeptDayTotal } from '@/lib/domain/kept-day';
import type { TransactionFlowRow, TransactionType } from '@/lib/domain/transaction';
import { daysInRange, shiftDate, startOfDay } from '@/lib/time/dates';

/**
 * Per-day exact totals of a walk over [from, to] in a time zone, per provider type and currency, with the
 * day's first and last row ids. Rows arrive in the provider's newest-first order and are dropped once
 * counted: memory depends on days, types and currencies, never on rows.
 */

interface MutableTotal {
  readonly rawType: string;
  readonly type: TransactionType;
  readonly currency: string;
  count: number;
  amountIn: bigint;
  amountOut: bigint;
  feeIn: bigint;
  feeOut: bigint;
}

interface MutableDay {
  readonly day: string;
  rows: number;
  newestId: string | null;
  oldestId: string | null;
  newestAt: number | null;
  oldestAt: number | null;
  readonly totals: Map<string, MutableTotal>;
}

export class DayLedger {
  private readonly days: MutableDay[] = [];
  /** days.length + 1 instants: day i is [bounds[i], bounds[i + 1]). */
  private readonly bounds: number[] = [];

  constructor(
    readonly from: string,
    readonly to: string,
    readonly timeZone: string,
  ) {
    const count = daysInRange(from, to);
    for (let i = 0, day = from; i < count; i += 1, day = shiftDate(day, 1)) {
      this.days.push({ day, rows: 0, newestId: null, oldestId: null, newestAt: null, oldestAt: null, totals: new Map() });
      this.bounds.push(startOfDay(day, timeZone));
    }
    this.bounds.push(startOfDay(shiftDate(to, 1), timeZone));
  }

  /** Counts a row of the walk; false when its time lies outside [from, to]. */
  add(row: TransactionFlowRow, epochMs: number): boolean {
    const index = this.indexOf(epochMs);
    const day = index < 0 ? undefined : this.days[index];
    if (!day) return false;
    const key = `${row.currency}\n${row.rawType}`;
    let total = day.totals.get(key);
    if (!total) {
      total = { rawType: row.rawType, type: row.type, currency: row.currency, count: 0, amountIn: 0n, amountOut: 0n, feeIn: 0n, feeOut: 0n };
      day.totals.set(key, total);
    }
    const amount = row.amount.minor;
    const fee = row.fee.minor;
    total.count += 1;
    if (amount > 0n) total.amountIn += amount;
    else total.amountOut += amount;
    if (fee > 0n) total.feeIn += fee;
    else total.feeOut += fee;
    if (day.newestId === null) {
      day.newestId = row.id;
      day.newestAt = epochMs;
    }
    day.oldestId = row.id;
    day.oldestAt = epochMs;
    day.rows += 1;
    return true;
  }

  /**
   * Adds a ledger of the same days whose rows came after this one's in the walk (older ones): the counts of
   * both, as if one ledger had seen every row.
   */
  append(later: DayLedger): void {
    if (later.from !== this.from || later.to !== this.to || later.timeZone !== this.timeZone) throw new Error('DayLedger.append: not the same days');
    later.days.forEach((from, i) => {
      const day = this.days[i];
      if (!day || from.rows === 0) return;
      for (const [key, total] of from.totals) {
        const mine = day.totals.get(key);
        if (!mine) {
          day.totals.set(key, { ...total });
          continue;
        }
        mine.count += total.count;
        mine.amountIn += total.amountIn;
        mine.amountOut += total.amountOut;
        mine.feeIn += total.feeIn;
        mine.feeOut += total.feeOut;
      }
      if (day.newestId === null) {
        day.newestId = from.newestId;
        day.newestAt = from.newestAt;
      }
      day.oldestId = from.oldestId;
      day.oldestAt = from.oldestAt;
      day.rows += from.rows;
    });
  }

  /** Every day of [from, to], empty ones included, oldest first. */
  result(): KeptDay[] {
    return this.days.map((day) => ({
      day: day.day,
      rows: day.rows,
      newestId: day.newestId,
      oldestId: day.oldestId,
      newestAt: day.newestAt === null ? null : new Date(day.newestAt),
      oldestAt: day.oldestAt === null ? null : new Date(day.oldestAt),
      totals: [...day.totals.values()].map((total): KeptDayTotal => ({ ...total })),
    }));
  }

  private indexOf(epochMs: number): number {
    return spanIndex(this.bounds, epochMs);
  }
}

/** The span [bounds[i], bounds[i + 1]) holding the instant, or -1 outside them all; a binary search. */
export function spanIndex(bounds: readonly number[], epochMs: number): number {
  const last = bounds.length - 1;
  if (last < 1 || !(epochMs >= (bounds[0] ?? Infinity)) || epochMs >= (bounds[last] ?? -Infinity)) return -1;
  let lo = 0;
  let hi = last - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((bounds[mid] ?? Infinity) <= epochMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
