import { useState } from 'react';
import { useUrlState, type UrlCodec } from '@/components/ui/use-url-state';
import { parseFlowsSearchParams, toFlowsSearchParams, type FlowsQuery } from '@/lib/flows/query-url';

export type FlowsQueryState = readonly [FlowsQuery, (next: FlowsQuery) => void];

const FLOWS_URL: UrlCodec<FlowsQuery> = { read: parseFlowsSearchParams, write: toFlowsSearchParams };

/** The Flows page keeps its query in the URL; a history entry per change, without a server round trip. */
export function useUrlFlowsQuery(): FlowsQueryState {
  return useUrlState(FLOWS_URL);
}

/** The overview's widget keeps its own query: the overview URL belongs to the page. */
export function useLocalFlowsQuery(initial: FlowsQuery): FlowsQueryState {
  const [query, setQuery] = useState(initial);
  return [query, setQuery];
}
