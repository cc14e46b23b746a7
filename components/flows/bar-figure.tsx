'use client';

import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { FlowsDto } from '@/lib/flows/schema';
import type { SeriesKey } from '@/lib/flows/series';
import { CHART_MARGIN, placeLabels, toRows, usedSeries, Y_AXIS_WIDTH } from './bar-geometry';
import { FLOW_SERIES_CONFIG, NET_CONFIG } from './chart-config';
import { StaticBarChart } from './static-bar-chart';

type Wake = 'idle' | 'pointer' | 'focus';

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

/** The plot's width, once known in the browser (null on the server and in the first render: no hydration mismatch). */
function usePlotWidth(box: React.RefObject<HTMLDivElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(0, element.clientWidth - CHART_MARGIN.left - Y_AXIS_WIDTH - CHART_MARGIN.right));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return width;
}

/**
 * The money in and out chart. Its first view is plain SVG drawn with the page (no chart code at load); the
 * Recharts drawing, with tooltips and keyboard steps, loads and replaces it on the first pointer, touch or
 * focus on the figure. The legend (series shown) belongs to the figure, so both drawings show the same series.
 */
export function FlowBarFigure({ data, height = 320 }: { data: FlowsDto; height?: number }) {
  const [hidden, setHidden] = useState<ReadonlySet<SeriesKey>>(new Set());
  const [wake, setWake] = useState<Wake>('idle');
  const box = useRef<HTMLDivElement>(null);
  const width = usePlotWidth(box);
  const currency = data.currency ?? 'USD';
  const keys = usedSeries(data.totals.series);
  const rows = useMemo(() => toRows(data.buckets), [data.buckets]);
  const labels = placeLabels(
    rows.map((row) => row.label),
    width,
  );
  const toggle = (key: SeriesKey) =>
    setHidden((old) => {
      const next = new Set(old);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const first = (
    <StaticBarChart
      rows={rows}
      keys={keys}
      hidden={hidden}
      currency={currency}
      height={height}
      labels={labels}
      label={`Bar chart of money in and out per ${data.granularity} in ${currency}; the Table view lists every figure`}
    />
  );
  const wakeOn = (how: Wake) => () => setWake((now) => (now === 'idle' ? how : now));
  return (
    <figure
      className="flows-figure"
      aria-label={`Money in and out per ${data.granularity} in ${currency}, with the net`}
      onPointerEnter={wakeOn('pointer')}
      onTouchStart={wakeOn('pointer')}
      onFocus={(event) => {
        if (event.target instanceof Element && event.target.classList.contains('chart-static')) wakeOn('focus')();
        else wakeOn('pointer')();
      }}
    >
      <Legend keys={keys} hidden={hidden} onToggle={toggle} />
      <div ref={box}>
        {wake === 'idle' ? (
          first
        ) : (
          <Suspense fallback={first}>
            <FlowBarChart rows={rows} keys={keys} hidden={hidden} currency={currency} height={height} focus={wake === 'focus'} />
          </Suspense>
        )}
      </div>
    </figure>
  );
}

// Chart code (Recharts) is fetched and run only once the figure is woken; until then its first view stays.
const FlowBarChart = lazy(() => import('./bar-chart'));
