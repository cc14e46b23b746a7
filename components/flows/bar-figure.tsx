'use client';

import { lazy, startTransition, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { FlowsDto } from '@/lib/flows/schema';
import type { SeriesKey } from '@/lib/flows/series';
import { CHART_MARGIN, placeLabels, toRows, usedSeries, Y_AXIS_WIDTH } from './bar-geometry';
import { FLOW_SERIES_CONFIG, NET_CONFIG } from './chart-config';
import { replayPointer, spotIn, type PointerSpot } from './pointer-replay';
import { StaticBarChart } from './static-bar-chart';

/**
 * static: the first view alone. loading: chart code loading and drawing beneath it, out of sight. shown: both,
 * for the moment the focus moves across. live: the interactive drawing alone.
 */
type Phase = 'static' | 'loading' | 'shown' | 'live';

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
    // A transition: the labels' placement may wait for input, and React renders it in slices.
    const measure = () => startTransition(() => setWidth(Math.max(0, element.clientWidth - CHART_MARGIN.left - Y_AXIS_WIDTH - CHART_MARGIN.right)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return width;
}

/**
 * The money in and out chart. Its first view is plain SVG drawn with the page (no chart code at load); the
 * Recharts drawing, with tooltips and keyboard steps, loads on the first pointer, touch or focus on the figure
 * and is drawn beneath the first view, which it then replaces without losing what the person was doing: the
 * keyboard focus moves across to it, and the spot the pointer (or finger) is on gets its tooltip at once.
 * The legend (series shown) belongs to the figure, so both drawings show the same series.
 */
export function FlowBarFigure({ data, height = 320 }: { data: FlowsDto; height?: number }) {
  const [hidden, setHidden] = useState<ReadonlySet<SeriesKey>>(new Set());
  const [phase, setPhase] = useState<Phase>('static');
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLDivElement>(null);
  const live = useRef<HTMLDivElement>(null);
  const spot = useRef<PointerSpot | null>(null);
  const handedOver = useRef(false);
  const hint = useId();
  const width = usePlotWidth(box);
  const currency = data.currency ?? 'USD';
  const unit = data.granularity;
  const keys = usedSeries(data.totals.series);
  const rows = useMemo(() => toRows(data.buckets), [data.buckets]);
  const labels = placeLabels(
    rows.map((row) => row.label),
    width,
  );
  // What both views draw.
  const drawing = { rows, keys, hidden, currency, height };
  const toggle = (key: SeriesKey) =>
    setHidden((old) => {
      const next = new Set(old);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const wake = () => setPhase((now) => (now === 'static' ? 'loading' : now));
  const remember = (event: React.PointerEvent) => {
    if (phase !== 'live' && box.current) spot.current = spotIn(box.current.getBoundingClientRect(), event.clientX, event.clientY);
  };
  const handOver = useCallback(() => {
    const layer = live.current;
    if (handedOver.current || !layer || !box.current) return;
    handedOver.current = true;
    flushSync(() => setPhase('shown'));
    // The focus goes from the first view straight to the drawing's keyboard surface: never to the page's body.
    const surface = layer.querySelector<SVGElement>('svg[tabindex]');
    if (surface && first.current?.contains(document.activeElement)) surface.focus({ preventScroll: true });
    flushSync(() => setPhase('live'));
    if (spot.current) replayPointer(spot.current, box.current);
    spot.current = null;
  }, []);
  return (
    <figure
      className="flows-figure"
      aria-label={`Money in and out per ${unit} in ${currency}, with the net`}
      onPointerEnter={(event) => {
        remember(event);
        wake();
      }}
      onPointerMove={remember}
      onPointerDown={remember}
      onPointerLeave={(event) => {
        // A finger leaves once lifted, on the spot it tapped: that spot is kept for the drawing.
        if (event.pointerType === 'mouse') spot.current = null;
      }}
      onTouchStart={wake}
      onFocus={wake}
    >
      <Legend keys={keys} hidden={hidden} onToggle={toggle} />
      <p id={hint} className="visually-hidden">
        {`Focus the chart, then use the left and right arrow keys to step through the ${unit}s and read each ${unit}'s figures; Escape hides them. The Table view (Show as: Table) lists every figure.`}
      </p>
      {/* Both views share one grid cell; the first view stays on top, and focusable, until the drawing is there. */}
      <div ref={box} style={{ display: 'grid' }}>
        {phase !== 'live' && (
          <div ref={first} style={{ gridArea: '1 / 1', minWidth: 0, zIndex: 1 }}>
            <StaticBarChart
              {...drawing}
              labels={labels}
              label={`Bar chart of money in and out per ${unit} in ${currency}; the Table view lists every figure`}
              describedBy={hint}
            />
          </div>
        )}
        {phase !== 'static' && (
          <div ref={live} style={{ gridArea: '1 / 1', minWidth: 0, visibility: phase === 'loading' ? 'hidden' : undefined }}>
            <Suspense fallback={null}>
              <FlowBarChart
                {...drawing}
                label={`Bar chart of money in and out per ${unit} in ${currency}`}
                describedBy={hint}
                onDrawn={handOver}
              />
            </Suspense>
          </div>
        )}
      </div>
    </figure>
  );
}

// Chart code (Recharts) is fetched and run only once the figure is woken; until then its first view stays.
const FlowBarChart = lazy(() => import('./bar-chart'));
