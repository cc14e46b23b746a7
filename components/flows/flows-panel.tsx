'use client';

import { formatCount } from '@/lib/format/numbers';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { periodTitle } from '@/lib/flows/format';
import { flowsQueryOptions } from '@/lib/flows/queries';
import { toFlowsSearchParams, type FlowsQuery } from '@/lib/flows/query-url';
import { connectionsQueryOptions } from '@/lib/connections/queries';
import { FlowsCards, ViewToggle, type FlowsView } from './flows-cards';
import { FlowsControls } from './flows-controls';
import { FlowsEmpty } from './flows-empty';
import { FlowsFailures } from './flows-failures';
import { CoverageNote } from '@/components/accounts/coverage-note';
import { ApiErrorAlert } from '@/components/ui/api-error-alert';
import { UrlNotice } from '@/components/ui/url-notice';
import { FlowsSkeleton } from './skeleton';
import { useLocalFlowsQuery, useUrlFlowsQuery, type FlowsQueryState } from './use-flows-query';

type Variant = 'page' | 'overview';

function FlowsPanel({ variant, state }: { variant: Variant; state: FlowsQueryState }) {
  const [query, setQuery] = state;
  const [view, setView] = useState<FlowsView>('chart');
  const flows = useQuery(flowsQueryOptions(query));
  const connections = useQuery(connectionsQueryOptions());
  const accounts = connections.data?.connections.filter((c) => c.capabilities.transactions) ?? null;
  const data = flows.data;

  if (!data) {
    if (flows.isError) return <ApiErrorAlert title="Money flows could not be loaded" retrying={flows.isFetching} error={flows.error} onRetry={() => flows.refetch()} />;
    return <FlowsSkeleton variant={variant} />;
  }
  const currencies = [...new Set([...(data.currency ? [data.currency] : []), ...data.currencies])];
  const unit = data.granularity === 'week' ? 'Weeks' : 'Days';
  return (
    <div className="stack flows">
      {variant === 'page' && <UrlNotice applied={toFlowsSearchParams(query)} />}
      <FlowsControls
        query={query}
        onChange={setQuery}
        currencies={currencies}
        accounts={variant === 'page' ? accounts : null}
        resolved={{ from: data.from, to: data.to }}
      />
      {/* The Flows page states its coverage above, in its first HTML (FlowsCoverageNote). */}
      {variant === 'overview' && connections.data && (
        <CoverageNote connections={connections.data.connections} capability="transactions" covered={data.accountIds} />
      )}
      <div className="flows-toolbar">
        <p className="muted flows-status" aria-live="polite">
          {/* One text for the line (and one for Updating…), so a screen reader speaks it as a phrase, not in pieces. */}
          {`${periodTitle(data.from, data.to)} · ${unit} cut in ${data.timeZone} · ${formatCount(data.totals.count)} transactions${data.cached ? ' · from cache' : ''}${flows.isFetching ? ' · ' : ''}`}
          {flows.isFetching && <><span className="spin" aria-hidden />{' Updating…'}</>}
        </p>
        {data.totals.count > 0 && <ViewToggle view={view} onChange={setView} />}
      </div>
      <FlowsFailures failures={data.failures} counted={data.accountIds.length} retrying={flows.isFetching} onRetry={() => flows.refetch()} />
      {flows.isError && <ApiErrorAlert title="Money flows could not be loaded" retrying={flows.isFetching} error={flows.error} onRetry={() => flows.refetch()} />}
      {data.totals.count === 0 ? (
        // When no account could be read, a wider period would not help: the failures above say what to do.
        data.accountIds.length === 0 && data.failures.length > 0 ? null : <FlowsEmpty data={data} query={query} onChange={setQuery} />
      ) : (
        <FlowsCards data={data} view={view} variant={variant} />
      )}
      {variant === 'overview' && (
        <Link className="flows-more" href={`/flows?${toFlowsSearchParams({ ...query, currency: query.currency ?? data.currency ?? undefined }).toString()}`}>
          Open Flows: where the money went, by type →
        </Link>
      )}
    </div>
  );
}

/** The Flows page: the query lives in the URL. */
export function FlowsPageClient() {
  return <FlowsPanel variant="page" state={useUrlFlowsQuery()} />;
}

/** The overview's widget: a compact panel with its own query. */
export function OverviewFlowsClient({ initial }: { initial: FlowsQuery }) {
  return <FlowsPanel variant="overview" state={useLocalFlowsQuery(initial)} />;
}
