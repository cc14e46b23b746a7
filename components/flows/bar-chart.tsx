'use client';

import { useEffect, useRef } from 'react';
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
import { bucketTitle } from '@/lib/flows/format';
import { SERIES_KEYS, type SeriesKey } from '@/lib/flows/series';
import {
  axisFormatter,
  CHART_MARGIN,
  isZero,
  MAX_BAR_SIZE,
  MIN_TICK_GAP,
  TICK_FONT_SIZE,
  X_AXIS_HEIGHT,
  Y_AXIS_WIDTH,
  type ChartRow,
} from './bar-geometry';
import { FLOW_SERIES_CONFIG, NET_CONFIG } from './chart-config';

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

// Our own marker on each drawn bar, so tests need no Recharts class names.
const barShape = (props: BarShapeProps) => <Rectangle {...props} data-testid="flow-bar" />;

/**
 * The interactive drawing (Recharts, with tooltips) of the bar chart: money in stacked above zero, money out
 * below, the net as a line; one bar per day or week. Loaded on the first pointer, touch or focus on the chart.
 */
export default function FlowBarChart({
  rows,
  keys,
  hidden,
  currency,
  height,
  focus,
}: {
  rows: ChartRow[];
  keys: readonly SeriesKey[];
  hidden: ReadonlySet<SeriesKey>;
  currency: string;
  height: number;
  focus: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  // The first view had the focus: hand it to the drawing's own keyboard layer once that is drawn.
  useEffect(() => {
    if (!focus) return;
    let frame = 0;
    let tries = 0;
    const move = () => {
      const surface = box.current?.querySelector<SVGElement>('svg[tabindex]');
      if (surface) surface.focus();
      else if (tries++ < 60) frame = requestAnimationFrame(move);
    };
    frame = requestAnimationFrame(move);
    return () => cancelAnimationFrame(frame);
  }, [focus]);
  return (
    <div ref={box}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} stackOffset="sign" margin={CHART_MARGIN}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fontSize: TICK_FONT_SIZE, fill: 'var(--text-muted)' }} minTickGap={MIN_TICK_GAP} height={X_AXIS_HEIGHT} />
          <YAxis
            width={Y_AXIS_WIDTH}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: TICK_FONT_SIZE, fill: 'var(--text-muted)' }}
            tickFormatter={axisFormatter(currency)}
          />
          <ReferenceLine y={0} stroke="var(--border-strong)" />
          <Tooltip
            cursor={{ fill: 'var(--accent-soft)', opacity: 0.5 }}
            content={({ active, payload }) => <FlowTooltip active={active} payload={payload} currency={currency} hidden={hidden} />}
          />
          {keys.map((key) => (
            <Bar
              key={key}
              dataKey={key}
              name={FLOW_SERIES_CONFIG[key].label}
              stackId="flow"
              fill={FLOW_SERIES_CONFIG[key].color}
              hide={hidden.has(key)}
              isAnimationActive={false}
              maxBarSize={MAX_BAR_SIZE}
              shape={barShape}
            />
          ))}
          <Line
            dataKey="net"
            name={NET_CONFIG.label}
            type="linear"
            stroke={NET_CONFIG.color}
            strokeWidth={2}
            dot={rows.length <= 31 ? { r: 2.5 } : false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
