'use client';

import { useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type TooltipContentProps,
} from 'recharts';
import { formatMoney } from '@/components/ui/money';
import { decimalToChartNumber } from '@/lib/flows/chart-number';
import { bucketLabel, bucketTitle } from '@/lib/flows/format';
import type { FlowBucketDto, FlowsDto } from '@/lib/flows/schema';
import { SERIES_KEYS, type SeriesKey } from '@/lib/flows/series';
import { FLOW_SERIES_CONFIG, NET_CONFIG } from './chart-config';

type ChartRow = { label: string; bucket: FlowBucketDto; net: number } & Record<SeriesKey, number>;

function toRows(buckets: readonly FlowBucketDto[]): ChartRow[] {
  return buckets.map((bucket) => {
    const drawn = Object.fromEntries(SERIES_KEYS.map((key) => [key, decimalToChartNumber(bucket.series[key])]));
    return { ...(drawn as Record<SeriesKey, number>), label: bucketLabel(bucket), bucket, net: decimalToChartNumber(bucket.net) };
  });
}

const isZero = (decimal: string) => /^-?0(\.0+)?$/.test(decimal);

function FlowTooltip({ active, payload, currency, hidden }: Pick<TooltipContentProps, 'active' | 'payload'> & { currency: string; hidden: ReadonlySet<SeriesKey> }) {
  const row = payload[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const { bucket } = row;
  const shown = SERIES_KEYS.filter((key) => !hidden.has(key) && !isZero(bucket.series[key]));
  return (
    <div className="chart-tooltip" role="group" aria-label={`Details of ${bucketTitle(bucket)}`}>
      <div className="chart-tooltip-title">{bucketTitle(bucket)}</div>
      {shown.map((key) => (
        <div className="chart-tooltip-row" key={key}>
          <span className="swatch" style={{ background: FLOW_SERIES_CONFIG[key].color }} aria-hidden />
          <span>{FLOW_SERIES_CONFIG[key].label}</span>
          <span className="num">{formatMoney(bucket.series[key], currency)}</span>
        </div>
      ))}
      <div className="chart-tooltip-row chart-tooltip-net" data-testid="tooltip-net">
        <span className="swatch" style={{ background: NET_CONFIG.color }} aria-hidden />
        <span>Net</span>
        <span className="num">{formatMoney(bucket.net, currency)}</span>
      </div>
      <div className="faint">{bucket.count} transactions</div>
    </div>
  );
}

function Legend({ keys, hidden, onToggle }: { keys: readonly SeriesKey[]; hidden: ReadonlySet<SeriesKey>; onToggle: (key: SeriesKey) => void }) {
  return (
    <div className="chart-legend" role="group" aria-label="Series shown">
      {keys.map((key) => (
        <button
          type="button"
          key={key}
          className="legend-item"
          aria-pressed={!hidden.has(key)}
          title={FLOW_SERIES_CONFIG[key].description}
          onClick={() => onToggle(key)}
        >
          <span className="swatch" style={{ background: FLOW_SERIES_CONFIG[key].color }} aria-hidden />
          {FLOW_SERIES_CONFIG[key].label}
        </button>
      ))}
      <span className="legend-item legend-static">
        <span className="swatch swatch-line" style={{ background: NET_CONFIG.color }} aria-hidden />
        {NET_CONFIG.label}
      </span>
    </div>
  );
}

// Our own marker on each drawn bar, so tests need no Recharts class names.
const barShape = (props: BarShapeProps) => <Rectangle {...props} data-testid="flow-bar" />;

/** Money in stacked above zero, money out below, the net as a line; one bar per day or week. */
export default function FlowBarChart({ data, height = 320 }: { data: FlowsDto; height?: number }) {
  const [hidden, setHidden] = useState<ReadonlySet<SeriesKey>>(new Set());
  const currency = data.currency ?? 'USD';
  const used = SERIES_KEYS.filter((key) => !isZero(data.totals.series[key]));
  const axisFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const toggle = (key: SeriesKey) =>
    setHidden((old) => {
      const next = new Set(old);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <figure className="flows-figure" aria-label={`Money in and out per ${data.granularity} in ${currency}, with the net`}>
      <Legend keys={used} hidden={hidden} onToggle={toggle} />
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={toRows(data.buckets)} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: 'var(--text-muted)' }} minTickGap={12} />
          <YAxis
            width={72}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: 12, fill: 'var(--text-muted)' }}
            tickFormatter={(value: number) => axisFormat.format(value)}
          />
          <ReferenceLine y={0} stroke="var(--border-strong)" />
          <Tooltip
            cursor={{ fill: 'var(--accent-soft)', opacity: 0.5 }}
            content={({ active, payload }) => <FlowTooltip active={active} payload={payload} currency={currency} hidden={hidden} />}
          />
          {used.map((key) => (
            <Bar
              key={key}
              dataKey={key}
              name={FLOW_SERIES_CONFIG[key].label}
              stackId="flow"
              fill={FLOW_SERIES_CONFIG[key].color}
              hide={hidden.has(key)}
              isAnimationActive={false}
              maxBarSize={36}
              shape={barShape}
            />
          ))}
          <Line
            dataKey="net"
            name={NET_CONFIG.label}
            type="linear"
            stroke={NET_CONFIG.color}
            strokeWidth={2}
            dot={data.buckets.length <= 31 ? { r: 2.5 } : false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
