import { daysInRange, startOfDay } from '@/lib/time/dates';
import { spanIndex } from '@/lib/kept-days/ledger';
import { addDays, isoWeekday, MAX_RANGE_DAYS, type Granularity } from './period';

/** One bar of the chart: a day, or a week clipped to the period; dates inclusive, in the time zone. */
export interface BucketSpan {
  readonly start: string;
  readonly end: string;
}

export interface BucketPlan {
  readonly spans: readonly BucketSpan[];
  /** spans.length + 1 instants (epoch ms): bucket i is [bounds[i], bounds[i + 1]). Real midnights, so DST days are 23 or 25 hours. */
  readonly bounds: readonly number[];
}

/** Start dates of the buckets: every day, or `from` and then every Monday up to `to`; at most MAX_RANGE_DAYS. */
function bucketStarts(from: string, to: string, granularity: Granularity): string[] {
  const days = daysInRange(from, to);
  if (days > MAX_RANGE_DAYS) throw new RangeError(`a chart covers at most ${MAX_RANGE_DAYS} days, not ${days}`);
  const starts: string[] = [];
  // Counted, not compared as text, so the loop ends after `days` steps whatever the dates.
  for (let i = 0, date = from; i < days; i += 1, date = addDays(date, 1)) {
    if (granularity === 'day' || i === 0 || isoWeekday(date) === 1) starts.push(date);
  }
  return starts;
}

export function planBuckets(from: string, to: string, granularity: Granularity, timeZone: string): BucketPlan {
  const starts = bucketStarts(from, to, granularity);
  const spans = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? addDays(starts[i + 1] ?? to, -1) : to }));
  const bounds = [...starts.map((date) => startOfDay(date, timeZone)), startOfDay(addDays(to, 1), timeZone)];
  return { spans, bounds };
}

/** The bucket holding the instant, or -1 outside the plan; a binary search (rows need not arrive in order). */
export function bucketIndex(plan: BucketPlan, epochMs: number): number {
  return spanIndex(plan.bounds, epochMs);
}
