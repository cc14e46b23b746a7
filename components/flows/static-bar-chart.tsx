import type { SeriesKey } from '@/lib/flows/series';
import {
  axisFormatter,
  CHART_MARGIN,
  MAX_BAR_SIZE,
  stackRow,
  TICK_FONT_SIZE,
  valueTicks,
  X_AXIS_HEIGHT,
  Y_AXIS_WIDTH,
  type ChartRow,
  type LabelPlace,
} from './bar-geometry';
import { FLOW_SERIES_CONFIG, NET_CONFIG } from './chart-config';

const tick = { fontSize: TICK_FONT_SIZE, fill: 'var(--text-muted)' } as const;
const pct = (value: number) => `${value}%`;

/**
 * The bar chart's first view without chart code: the same axis, grid, stacked bars and net line as the
 * Recharts drawing, in plain SVG whose horizontal positions are percentages (so the server can draw it at
 * any width). No tooltips: the interactive chart takes its place on the first pointer, touch or focus. It is
 * focusable (one tab stop) so that a keyboard reaches the chart before its code has loaded.
 */
export function StaticBarChart({
  rows,
  keys,
  hidden,
  currency,
  height,
  labels,
  label,
  describedBy,
}: {
  rows: readonly ChartRow[];
  keys: readonly SeriesKey[];
  hidden: ReadonlySet<SeriesKey>;
  currency: string;
  height: number;
  labels: readonly LabelPlace[];
  label: string;
  /** The id of the text that says how to read the figures. */
  describedBy?: string;
}) {
  const shownKeys = keys.filter((key) => !hidden.has(key));
  const ticks = valueTicks(rows, shownKeys);
  const low = ticks[0] ?? 0;
  const high = ticks.at(-1) ?? 0;
  const top = CHART_MARGIN.top;
  const bottom = height - CHART_MARGIN.bottom - X_AXIS_HEIGHT;
  const y = (value: number) => (high === low ? bottom : top + ((high - value) / (high - low)) * (bottom - top));
  const band = 100 / Math.max(rows.length, 1);
  const centre = (i: number) => band * (i + 0.5);
  const format = axisFormatter(currency);
  const dots = rows.length <= 31;
  return (
    <div className="chart-static" style={{ height }} role="img" aria-label={label} aria-describedby={describedBy} tabIndex={0}>
      <svg width={CHART_MARGIN.left + Y_AXIS_WIDTH} height={height} aria-hidden>
        {ticks.map((value) => (
          <text key={value} x={CHART_MARGIN.left + Y_AXIS_WIDTH - 8} y={y(value)} dy="0.355em" textAnchor="end" {...tick}>
            {format(value)}
          </text>
        ))}
      </svg>
      <svg className="chart-static-plot" height={height} aria-hidden>
        {ticks.map((value) => (
          <line key={value} x1="0" x2="100%" y1={y(value)} y2={y(value)} stroke="var(--border)" />
        ))}
        <line x1="0" x2="100%" y1={y(0)} y2={y(0)} stroke="var(--border-strong)" />
        {rows.map((row, i) => (
          // One band per bucket; the bar is 80% of it (Recharts' 10% category gap) and at most 36 px wide.
          <svg key={row.bucket.start} x={pct(band * i)} width={pct(band)} height={height} overflow="visible">
            {stackRow(row, shownKeys).map(({ key, from, to }) =>
              from === to ? null : (
                <rect
                  key={key}
                  data-testid="flow-bar"
                  className="chart-static-bar"
                  style={{ ['--bar-max' as string]: `${MAX_BAR_SIZE}px` }}
                  y={Math.min(y(from), y(to))}
                  height={Math.abs(y(from) - y(to))}
                  fill={FLOW_SERIES_CONFIG[key].color}
                />
              ),
            )}
          </svg>
        ))}
        {rows.slice(1).map((row, i) => (
          <line
            key={row.bucket.start}
            x1={pct(centre(i))}
            x2={pct(centre(i + 1))}
            y1={y(rows[i]?.net ?? 0)}
            y2={y(row.net)}
            stroke={NET_CONFIG.color}
            strokeWidth={2}
            strokeLinecap="round"
          />
        ))}
        {dots &&
          rows.map((row, i) => (
            <circle key={row.bucket.start} cx={pct(centre(i))} cy={y(row.net)} r={2.5} fill="#fff" stroke={NET_CONFIG.color} strokeWidth={2} />
          ))}
        {/* Every label is drawn; one that would overlap its neighbour is hidden, not removed, so placing them
            once the width is known changes attributes only (removing SVG nodes after hydration was a long task). */}
        {rows.map((row, i) => (
          <text
            key={row.bucket.start}
            x={labels[i] === 'end' ? '100%' : pct(centre(i))}
            y={bottom + 8}
            dy="0.71em"
            textAnchor={labels[i] === 'end' ? 'end' : 'middle'}
            visibility={labels[i] === 'hidden' ? 'hidden' : undefined}
            {...tick}
          >
            {row.label}
          </text>
        ))}
      </svg>
    </div>
  );
}
