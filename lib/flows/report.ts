import { toCurrency } from '@/lib/domain/currencies';
import { toDecimalString } from '@/lib/domain/money';
import type { FlowAccumulator, CurrencyFlows } from './accumulate';
import type { BucketPlan } from './buckets';
import type { ResolvedPeriod } from './period';
import { SANKEY_LABELS, buildSankey } from './sankey';
import type { FlowsAccountFailureDto, FlowsDto, FlowSumsDto, FlowTypeRowDto } from './schema';
import { FLOW_TYPES, SERIES_KEYS, seriesDirection, type SeriesKey } from './series';

/** Turns exact sums into the API's decimal strings: the only place minor units become text. */

export interface FlowsReportContext {
  readonly account: string;
  readonly accountIds: readonly string[];
  readonly failures: readonly FlowsAccountFailureDto[];
  readonly timeZone: string;
  readonly period: ResolvedPeriod;
  readonly plan: BucketPlan;
  readonly scannedRows: number;
  readonly providerPages: number;
  readonly keptDays: number;
  readonly generatedAt: Date;
}

type Decimal = (minor: bigint) => string;

function decimalIn(currency: string | null): Decimal {
  if (currency === null) return () => '0';
  const code = toCurrency(currency);
  return (minor) => toDecimalString({ minor, currency: code });
}

export function seriesRecord(read: (series: number) => bigint): Record<SeriesKey, bigint> {
  return Object.fromEntries(SERIES_KEYS.map((key, index) => [key, read(index)])) as Record<SeriesKey, bigint>;
}

function sumsDto(values: Record<SeriesKey, bigint>, count: number, decimal: Decimal): FlowSumsDto {
  let inflow = 0n;
  let outflow = 0n;
  for (const key of SERIES_KEYS) {
    if (seriesDirection(key) === 'in') inflow += values[key];
    else outflow += values[key];
  }
  const series = Object.fromEntries(SERIES_KEYS.map((key) => [key, decimal(values[key])])) as Record<SeriesKey, string>;
  return { count, in: decimal(inflow), out: decimal(outflow), net: decimal(inflow + outflow), series };
}

/** Period totals per series: the sum of the buckets. */
export function seriesTotals(flows: CurrencyFlows | undefined, bucketCount: number): Record<SeriesKey, bigint> {
  return seriesRecord((series) => {
    let total = 0n;
    for (let bucket = 0; bucket < bucketCount; bucket += 1) total += flows?.at(bucket, series) ?? 0n;
    return total;
  });
}

function typeTotals(flows: CurrencyFlows | undefined, decimal: Decimal): FlowsDto['typeTotals'] {
  const amount = flows?.typeAmounts.reduce((sum, value) => sum + value, 0n) ?? 0n;
  const fee = flows?.typeFees.reduce((sum, value) => sum + value, 0n) ?? 0n;
  return { count: flows?.rows ?? 0, amount: decimal(amount), fee: decimal(fee), net: decimal(amount + fee) };
}

function typeRows(flows: CurrencyFlows | undefined, decimal: Decimal): FlowTypeRowDto[] {
  if (!flows) return [];
  return FLOW_TYPES.flatMap((type, i) => {
    const count = flows.typeCounts[i] ?? 0;
    if (count === 0) return [];
    const amount = flows.typeAmounts[i] ?? 0n;
    const fee = flows.typeFees[i] ?? 0n;
    const rawTypes = type === 'other' ? [...flows.otherNames].sort() : [];
    return [{ type, rawTypes, count, amount: decimal(amount), fee: decimal(fee), net: decimal(amount + fee) }];
  });
}

export function reportFlows(acc: FlowAccumulator, currency: string | null, ctx: FlowsReportContext): FlowsDto {
  const flows = currency === null ? undefined : acc.get(currency);
  const decimal = decimalIn(currency);
  const { spans } = ctx.plan;
  const buckets = spans.map((span, bucket) => ({
    ...span,
    ...sumsDto(seriesRecord((series) => flows?.at(bucket, series) ?? 0n), flows?.bucketCounts[bucket] ?? 0, decimal),
  }));
  const totals = seriesTotals(flows, spans.length);
  const sankey = buildSankey(totals);
  return {
    currency,
    currencies: acc.currencies(),
    account: ctx.account,
    accountIds: [...ctx.accountIds],
    failures: [...ctx.failures],
    from: ctx.period.from,
    to: ctx.period.to,
    timeZone: ctx.timeZone,
    granularity: ctx.period.granularity,
    closed: ctx.period.closed,
    buckets,
    totals: sumsDto(totals, flows?.rows ?? 0, decimal),
    byType: typeRows(flows, decimal),
    typeTotals: typeTotals(flows, decimal),
    sankey: {
      nodes: sankey.nodes.map((node) => ({ key: node.key, label: SANKEY_LABELS[node.key], value: decimal(node.minor) })),
      links: sankey.links.map((link) => ({ source: link.source, target: link.target, value: decimal(link.minor) })),
    },
    scannedRows: ctx.scannedRows,
    providerPages: ctx.providerPages,
    keptDays: ctx.keptDays,
    generatedAt: ctx.generatedAt.toISOString(),
    cached: false,
  };
}
