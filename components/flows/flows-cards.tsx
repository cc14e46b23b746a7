'use client';

import dynamic from 'next/dynamic';
import { HydrateOnView } from '@/components/ui/hydrate-on-view';
import { Money } from '@/components/ui/money';
import type { FlowsDto } from '@/lib/flows/schema';
import { FlowBarFigure } from './bar-figure';
import { BucketTable, SankeyTable, TypeTable } from './flow-tables';
import { Deferred } from './deferred';
import { ChartSkeleton } from './skeleton';

// The bar chart draws its first view with the page and loads Recharts when woken (bar-figure.tsx); the
// Sankey's code loads after the page, in the browser only, once in view. The tables never wait for either.
const FlowSankey = dynamic(() => import('./sankey-chart'), { ssr: false, loading: () => <ChartSkeleton height={440} /> });

export type FlowsView = 'chart' | 'table';

export function ViewToggle({ view, onChange }: { view: FlowsView; onChange: (view: FlowsView) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Show as">
      <button type="button" aria-pressed={view === 'chart'} onClick={() => onChange('chart')}>
        Chart
      </button>
      <button type="button" aria-pressed={view === 'table'} onClick={() => onChange('table')}>
        Table
      </button>
    </div>
  );
}

export function FlowsCards({ data, view, variant }: { data: FlowsDto; view: FlowsView; variant: 'page' | 'overview' }) {
  const currency = data.currency ?? '';
  const unit = data.granularity === 'week' ? 'week (Monday to Sunday)' : 'day';
  return (
    <>
      <section className="card" aria-labelledby="flows-bars-title">
        <div className="card-head">
          <h2 id="flows-bars-title">Money in and out per {unit}</h2>
          <span className="muted">
            {currency} · net <Money amount={data.totals.net} currency={currency} />
          </span>
        </div>
        <div className="card-body">
          {view === 'chart' ? (
            <FlowBarFigure data={data} height={variant === 'page' ? 320 : 260} />
          ) : (
            <BucketTable data={data} />
          )}
        </div>
      </section>
      {variant === 'page' && (
        <section className="card" aria-labelledby="flows-sankey-title">
          <div className="card-head">
            <h2 id="flows-sankey-title">Where the money went</h2>
            <span className="muted">
              Still in balance − from earlier balance = net <Money amount={data.totals.net} currency={currency} />
            </span>
          </div>
          <div className="card-body">
            {view === 'chart' ? (
              <Deferred placeholder={<ChartSkeleton height={440} />}>
                <FlowSankey sankey={data.sankey} currency={currency} />
              </Deferred>
            ) : (
              <SankeyTable data={data} />
            )}
          </div>
        </section>
      )}
      {variant === 'page' && (
        // Below the charts: its rows hydrate once in view or when the page is used.
        <HydrateOnView>
          <section className="card" aria-labelledby="flows-types-title">
            <div className="card-head">
              <h2 id="flows-types-title">By transaction type</h2>
              <span className="muted">The transactions list&apos;s sums for the same account, period and currency</span>
            </div>
            <div className="card-body">
              <TypeTable data={data} />
            </div>
          </section>
        </HydrateOnView>
      )}
    </>
  );
}
