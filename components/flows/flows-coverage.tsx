'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { CoverageNote } from '@/components/accounts/coverage-note';
import { flowsQueryOptions } from '@/lib/flows/queries';
import { ALL_ACCOUNTS } from '@/lib/flows/query-url';
import type { ConnectionDto } from '@/lib/connections/schema';
import { useUrlFlowsQuery } from './use-flows-query';

/**
 * The Flows page's coverage note, in the page's first HTML: from the providers' capabilities and the URL's
 * account at once, narrowed to the accounts the figures summed once they are in. It only reads the query
 * cache (a query observer here would create the query before the prefetched one is hydrated, and fetch it
 * again).
 */
export function FlowsCoverageNote({ connections }: { connections: readonly ConnectionDto[] }) {
  const [query] = useUrlFlowsQuery();
  const client = useQueryClient();
  const subscribe = useCallback((onChange: () => void) => client.getQueryCache().subscribe(onChange), [client]);
  const flows = useSyncExternalStore(
    subscribe,
    () => client.getQueryData(flowsQueryOptions(query).queryKey),
    () => undefined,
  );
  const covered = flows?.accountIds ?? (query.account === ALL_ACCOUNTS ? undefined : [query.account]);
  return <CoverageNote connections={connections} capability="transactions" covered={covered} />;
}
