import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { parseFlowsSearchParams, toFlowsSearchParams, type FlowsQuery } from '@/lib/flows/query';

export type FlowsQueryState = readonly [FlowsQuery, (next: FlowsQuery) => void];

/** The Flows page keeps its query in the URL; a history entry per change, without a server round trip. */
export function useUrlFlowsQuery(): FlowsQueryState {
  const params = useSearchParams();
  const pathname = usePathname();
  const query = useMemo(() => parseFlowsSearchParams(params), [params]);
  const setQuery = useCallback(
    (next: FlowsQuery) => window.history.pushState(null, '', `${pathname}?${toFlowsSearchParams(next).toString()}`),
    [pathname],
  );
  return [query, setQuery];
}

/** The overview's widget keeps its own query: the overview URL belongs to the page. */
export function useLocalFlowsQuery(initial: FlowsQuery): FlowsQueryState {
  const [query, setQuery] = useState(initial);
  return [query, setQuery];
}
