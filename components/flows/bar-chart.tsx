'use client';

import { useEffect, useState } from 'react';
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
  useActiveTooltipDataPoints,
  useIsTooltipActive,
  useXAxisTicks,
  type BarShapeProps,
  type TooltipContentProps,
} from 'recharts';
import { formatMoney } from '@/components/ui/money';
import { bucketTitle } from '@/lib/flows/format';
import type { SeriesKey } from '@/lib/flows/series';
import {
  axisFormatter,
  CHART_MARGIN,
  daySeries,
  dayReadout,
  transactionCount,
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
  const shown = daySeries(bucket, hidden);
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
      <div className="faint">{transactionCount(bucket.count)}</div>
    </div>
  );
}

// Our own marker on each drawn bar, so tests need no Recharts class names.
const barShape = (props: BarShapeProps) => <Rectangle {...props} data-testid="flow-bar" />;

/**
 * Reports, from inside the chart, when the drawing has its axis (a pointer or a key then finds its day) and
 * which day the tooltip shows, by pointer or keyboard (null when none).
 */
function ChartSignals({ onDrawn, onActive }: { onDrawn: () => void; onActive: (row: ChartRow | null) => void }) {
  const drawn = (useXAxisTicks()?.length ?? 0) > 0;
  const points = useActiveTooltipDataPoints();
  const active = useIsTooltipActive();
  const row = active ? ((points?.[0] as ChartRow | undefined) ?? null) : null;
  useEffect(() => {
    if (!drawn) return;
    // After this commit, outside React's work: the figure swaps its views in a synchronous update.
    const frame = requestAnimationFrame(onDrawn);
    return () => cancelAnimationFrame(frame);
  }, [drawn, onDrawn]);
  useEffect(() => onActive(row), [row, onActive]);
  return null;
}

/**
 * The interactive drawing (Recharts, with tooltips) of the bar chart: money in stacked above zero, money out
 * below, the net as a line; one bar per day or week. Loaded on the first pointer, touch or focus on the chart.
 * One tab stop (Recharts' accessibility layer): the arrow keys step through the days and the tooltip follows;
 * a status line reads the same figures out while the chart has the focus; Escape dismisses both.
 */
export default function FlowBarChart({
  rows,
  keys,
  hidden,
  currency,
  height,
  label,
  describedBy,
  onDrawn,
}: {
  rows: ChartRow[];
  keys: readonly SeriesKey[];
  hidden: ReadonlySet<SeriesKey>;
  currency: string;
  height: number;
  /** The drawing's accessible name. */
  label: string;
  /** The id of the text that says how to use it. */
  describedBy: string;
  /** Called once the drawing is on the page with its axis. */
  onDrawn: () => void;
}) {
  const [active, setActive] = useState<ChartRow | null>(null);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const readout = focused && !dismissed && active ? dayReadout(active.bucket, hidden, currency) : '';
  return (
    <div
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onKeyDown={(event) => {
        // Recharts hides its tooltip on Escape (anywhere on the page) and steps with the arrow keys.
        if (event.key === 'Escape') setDismissed(true);
        else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Enter') setDismissed(false);
      }}
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} stackOffset="sign" margin={CHART_MARGIN} aria-label={label} aria-describedby={describedBy}>
          <ChartSignals onDrawn={onDrawn} onActive={setActive} />
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
      <p className="visually-hidden" role="status">
        {readout}
      </p>
    </div>
  );
}
