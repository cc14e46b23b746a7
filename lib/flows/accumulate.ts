import { compareCodes } from '@/lib/format/numbers';
import { CurrencyMismatchError } from '@/lib/domain/money';
import type { KeptDay, KeptDayTotal } from '@/lib/domain/kept-day';
import type { TransactionFlowRow } from '@/lib/domain/transaction';
import { bucketIndex, type BucketPlan } from './buckets';
import { AMOUNT_SERIES_INDEX, FEE_SERIES_INDEX, FLOW_TYPES, SERIES_KEYS, TYPE_INDEX } from './series';

/**
 * Exact running sums of one period, per currency: per bucket and series, and per transaction type.
 * Integer minor units as bigint; rows are folded in and dropped, so memory depends on the number of
 * buckets and currencies, never on the number of rows.
 */

const SERIES_COUNT = SERIES_KEYS.length;
/** Distinct unknown type names kept per currency, for the "other" row's label. */
const MAX_OTHER_NAMES = 20;

function addAt(values: bigint[], index: number, value: bigint): void {
  values[index] = (values[index] ?? 0n) + value;
}

function countAt(values: number[], index: number, value: number): void {
  values[index] = (values[index] ?? 0) + value;
}

export class CurrencyFlows {
  /** bucket * SERIES_COUNT + series index. */
  readonly sums: bigint[];
  readonly bucketCounts: number[];
  readonly typeCounts: number[] = FLOW_TYPES.map(() => 0);
  readonly typeAmounts: bigint[] = FLOW_TYPES.map(() => 0n);
  readonly typeFees: bigint[] = FLOW_TYPES.map(() => 0n);
  /** Provider type names seen under 'other', e.g. "fee_reversed". */
  readonly otherNames = new Set<string>();
  rows = 0;

  constructor(
    readonly currency: string,
    readonly bucketCount: number,
  ) {
    this.sums = new Array<bigint>(bucketCount * SERIES_COUNT).fill(0n);
    this.bucketCounts = new Array<number>(bucketCount).fill(0);
  }

  add(row: TransactionFlowRow, bucket: number): void {
    const amount = row.amount.minor;
    const fee = row.fee.minor;
    const base = bucket * SERIES_COUNT;
    const [positive, negative] = AMOUNT_SERIES_INDEX[row.type];
    if (amount !== 0n) addAt(this.sums, base + (amount > 0n ? positive : negative), amount);
    if (fee !== 0n) addAt(this.sums, base + (fee > 0n ? FEE_SERIES_INDEX.positive : FEE_SERIES_INDEX.negative), fee);
    const type = TYPE_INDEX[row.type];
    countAt(this.typeCounts, type, 1);
    addAt(this.typeAmounts, type, amount);
    addAt(this.typeFees, type, fee);
    countAt(this.bucketCounts, bucket, 1);
    this.rows += 1;
    if (row.type === 'other' && this.otherNames.size < MAX_OTHER_NAMES) this.otherNames.add(row.rawType);
  }

  /** Adds a kept day's sums of one type: the same sums its rows one by one would have added. */
  addTotal(total: KeptDayTotal, bucket: number): void {
    const base = bucket * SERIES_COUNT;
    const [positive, negative] = AMOUNT_SERIES_INDEX[total.type];
    if (total.amountIn !== 0n) addAt(this.sums, base + positive, total.amountIn);
    if (total.amountOut !== 0n) addAt(this.sums, base + negative, total.amountOut);
    if (total.feeIn !== 0n) addAt(this.sums, base + FEE_SERIES_INDEX.positive, total.feeIn);
    if (total.feeOut !== 0n) addAt(this.sums, base + FEE_SERIES_INDEX.negative, total.feeOut);
    const type = TYPE_INDEX[total.type];
    countAt(this.typeCounts, type, total.count);
    addAt(this.typeAmounts, type, total.amountIn + total.amountOut);
    addAt(this.typeFees, type, total.feeIn + total.feeOut);
    countAt(this.bucketCounts, bucket, total.count);
    this.rows += total.count;
    if (total.type === 'other' && this.otherNames.size < MAX_OTHER_NAMES) this.otherNames.add(total.rawType);
  }

  /** Adds another account's sums of the same currency and period. */
  merge(other: CurrencyFlows): void {
    if (other.currency !== this.currency) throw new CurrencyMismatchError(this.currency, other.currency);
    other.sums.forEach((value, i) => addAt(this.sums, i, value));
    other.bucketCounts.forEach((value, i) => countAt(this.bucketCounts, i, value));
    other.typeCounts.forEach((value, i) => countAt(this.typeCounts, i, value));
    other.typeAmounts.forEach((value, i) => addAt(this.typeAmounts, i, value));
    other.typeFees.forEach((value, i) => addAt(this.typeFees, i, value));
    for (const name of other.otherNames) if (this.otherNames.size < MAX_OTHER_NAMES) this.otherNames.add(name);
    this.rows += other.rows;
  }

  /** The sum of one series in one bucket. */
  at(bucket: number, series: number): bigint {
    return this.sums[bucket * SERIES_COUNT + series] ?? 0n;
  }
}

export class FlowAccumulator {
  private readonly byCurrency = new Map<string, CurrencyFlows>();

  constructor(readonly plan: BucketPlan) {}

  /** Folds in one row of the period; false when its time falls outside every bucket. */
  add(row: TransactionFlowRow, epochMs: number): boolean {
    const bucket = bucketIndex(this.plan, epochMs);
    if (bucket < 0) return false;
    const { currency } = row;
    if (row.amount.currency !== currency) throw new CurrencyMismatchError(currency, row.amount.currency);
    if (row.fee.currency !== currency) throw new CurrencyMismatchError(currency, row.fee.currency);
    this.flowsOf(currency).add(row, bucket);
    return true;
  }

  /** Folds in a kept (or just walked) day's totals; false when the day lies outside every bucket. */
  addDay(day: KeptDay, dayStartMs: number): boolean {
    const bucket = bucketIndex(this.plan, dayStartMs);
    if (bucket < 0) return false;
    for (const total of day.totals) this.flowsOf(total.currency).addTotal(total, bucket);
    return true;
  }

  merge(other: FlowAccumulator): void {
    for (const flows of other.byCurrency.values()) this.flowsOf(flows.currency).merge(flows);
  }

  get(currency: string): CurrencyFlows | undefined {
    return this.byCurrency.get(currency);
  }

  /** Currencies with rows in the period, the one with most rows first. */
  currencies(): string[] {
    return [...this.byCurrency.values()]
      .sort((a, b) => b.rows - a.rows || compareCodes(a.currency, b.currency))
      .map((flows) => flows.currency);
  }

  private flowsOf(currency: string): CurrencyFlows {
    let flows = this.byCurrency.get(currency);
    if (!flows) {
      flows = new CurrencyFlows(currency, this.plan.spans.length);
      this.byCurrency.set(currency, flows);
    }
    return flows;
  }
}
