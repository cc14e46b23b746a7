import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { SessionUser } from '@/lib/auth/session-user';
import { flowKeys } from '@/lib/flows/queries';
import type { FlowsQuery } from '@/lib/flows/query-url';
import { loadFlows } from '@/lib/flows/service';
import { getQueryClient } from '@/lib/query/client';
import { listConnectionDtos } from '@/lib/connections/dtos';
import { connectionKeys } from '@/lib/connections/queries';
import { FlowsPageClient, OverviewFlowsClient } from './flows-panel';
import { FlowsSkeleton } from './skeleton';

type Variant = 'page' | 'overview';

/** Prefetches on the server with the same keys the browser uses; a failure is left for the browser to show. */
async function Prefetched({ user, query, variant }: { user: SessionUser; query: FlowsQuery; variant: Variant }) {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: flowKeys.view(query), queryFn: () => loadFlows(user, query) }),
    // Both variants say which accounts their figures come from.
    queryClient.prefetchQuery({ queryKey: connectionKeys.all, queryFn: () => listConnectionDtos(user.organizationId) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      {variant === 'page' ? <FlowsPageClient /> : <OverviewFlowsClient initial={query} />}
    </HydrationBoundary>
  );
}

/** One widget with its own Suspense boundary: the rest of the page renders while the period is summed. */
export function FlowsSection({ user, query, variant }: { user: SessionUser; query: FlowsQuery; variant: Variant }) {
  return (
    <Suspense fallback={<FlowsSkeleton variant={variant} />}>
      <Prefetched user={user} query={query} variant={variant} />
    </Suspense>
  );
}
