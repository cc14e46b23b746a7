import { formatCount } from '@/lib/format/numbers';
// Recharts' own tick algorithm, imported alone (no chart code): the drawn first view has the interactive chart's axis.
import { getNiceTickValues } from 'recharts/es6/util/scale/getNiceTickValues';
import { decimalToChartNumber } from '@/lib/flows/chart-number';
import { formatCompactMoney, formatMoney } from '@/components/ui/format-money';
import { bucketLabel, bucketTitle } from '@/lib/flows/format';
import type { FlowBucketDto } from '@/lib/flows/schema';
import { SERIES_KEYS, type SeriesKey } from '@/lib/flows/series';
import { FLOW_SERIES_CONFIG } from './chart-config';

/** What both drawings of the bar chart share: rows, layout constants, the value axis, the shown labels. */

export type ChartRow = { label: string; bucket: FlowBucketDto; net: number } & Record<SeriesKey, number>;

export const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 8 } as const;
export const Y_AXIS_WIDTH = 72;
export const X_AXIS_HEIGHT = 30;
export const MAX_BAR_SIZE = 36;
export const TICK_FONT_SIZE = 12;
export const MIN_TICK_GAP = 12;

export const isZero = (decimal: string) => /^-?0(\.0+)?$/.test(decimal);

export function toRows(buckets: readonly FlowBucketDto[]): ChartRow[] {
  return buckets.map((bucket) => {
    const drawn = Object.fromEntries(SERIES_KEYS.map((key) => [key, decimalToChartNumber(bucket.series[key])]));
    return { ...(drawn as Record<SeriesKey, number>), label: bucketLabel(bucket), bucket, net: decimalToChartNumber(bucket.net) };
  });
}

export function usedSeries(totals: Record<SeriesKey, string>): SeriesKey[] {
  return SERIES_KEYS.filter((key) => !isZero(totals[key]));
}

/** The series a day's tooltip and readout list: shown in the legend and not zero that day, in series order. */
export function daySeries(bucket: FlowBucketDto, hidden: ReadonlySet<SeriesKey>): SeriesKey[] {
  return SERIES_KEYS.filter((key) => !hidden.has(key) && !isZero(bucket.series[key]));
}

/**
 * A day's figures as one sentence, for screen readers as the keyboard steps through the chart: the same
 * figures, exact and in the same order, as the tooltip shows ("Tue, Nov 3, 2026: Payments USD 2,600.00; …").
 */
export function dayReadout(bucket: FlowBucketDto, hidden: ReadonlySet<SeriesKey>, currency: string): string {
  const figures = daySeries(bucket, hidden).map((key) => `${FLOW_SERIES_CONFIG[key].label} ${formatMoney(bucket.series[key], currency)}`);
  return `${bucketTitle(bucket)}: ${[...figures, `Net ${formatMoney(bucket.net, currency)}`, transactionCount(bucket.count)].join('; ')}`;
}

export const transactionCount = (count: number) => `${formatCount(count)} ${count === 1 ? 'transaction' : 'transactions'}`;

export function axisFormatter(currency: string): (value: number) => string {
  return (value) => formatCompactMoney(value, currency);
}

export type Segment = { key: SeriesKey; from: number; to: number };

/** Stacks a row's shown series as stackOffset="sign" does: positives up from zero, negatives down, in series order. */
export function stackRow(row: ChartRow, keys: readonly SeriesKey[]): Segment[] {
  let up = 0;
  let down = 0;
  return keys.map((key) => {
    const value = row[key];
    if (value >= 0) {
      const from = up;
      up += value;
      return { key, from, to: up };
    }
    const from = down;
    down += value;
    return { key, from, to: down };
  });
}

/** The value axis' ticks (and so its domain) as Recharts computes them: five nice ticks over stacks and net. */
export function valueTicks(rows: readonly ChartRow[], keys: readonly SeriesKey[]): number[] {
  let min = 0;
  let max = 0;
  for (const row of rows) {
    for (const segment of stackRow(row, keys)) {
      min = Math.min(min, segment.to);
      max = Math.max(max, segment.to);
    }
    min = Math.min(min, row.net);
    max = Math.max(max, row.net);
  }
  return getNiceTickValues([min, max], 5, true, 'adaptive');
}

/** A category label: hidden, drawn at its bar's centre, or (the last one, when it would pass the end) against the end. */
export type LabelPlace = 'hidden' | 'centre' | 'end';

/**
 * Which category labels fit in `width` pixels, as Recharts' "preserveEnd" interval with `MIN_TICK_GAP`
 * chooses them (label widths estimated from the 12 px tick font); all of them when the width is unknown.
 */
export function placeLabels(labels: readonly string[], width: number | null): LabelPlace[] {
  if (width === null) return labels.map(() => 'centre');
  const band = width / Math.max(labels.length, 1);
  const size = (label: string) => label.length * TICK_FONT_SIZE * 0.47;
  const places: LabelPlace[] = labels.map(() => 'hidden');
  let limit = Infinity;
  labels.forEach((label, index) => {
    const i = labels.length - 1 - index;
    const centre = band * (i + 0.5);
    const half = size(labels[i] ?? label) / 2;
    if (index === 0) {
      // The last label always shows, moved back inside the axis if it would pass the end.
      const past = centre + half > width;
      places[i] = past ? 'end' : 'centre';
      limit = past ? width - 2 * half : centre - half;
    } else if (centre + half + MIN_TICK_GAP <= limit) {
      places[i] = 'centre';
      limit = centre - half;
    }
  });
  return places;
}
