import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/query/fetch-json';
import { toFlowsSearchParams, type FlowsQuery } from './query-url';

export const flowKeys = {
  all: ['flows'] as const,
  view: (query: FlowsQuery) => ['flows', toFlowsSearchParams(query).toString()] as const,
};

/** Keeps the shown chart while another period or currency loads, so it changes in place. */
export function flowsQueryOptions(query: FlowsQuery) {
  return queryOptions({
    queryKey: flowKeys.view(query),
    queryFn: ({ signal }) => fetchJson(`/api/flows?${toFlowsSearchParams(query).toString()}`, () => import('./schema').then((m) => m.flowsResponseSchema), { signal }),
    placeholderData: keepPreviousData,
  });
}
