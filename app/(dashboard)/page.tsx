import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { BalancesOverview } from '@/components/balances/overview';
import { BalancesSkeleton } from '@/components/balances/skeleton';
import { OverviewFlows } from '@/components/flows/overview-flows';
import { requirePageSession } from '@/lib/auth/session';
import { balanceKeys } from '@/lib/balances/queries';
import { loadOverview } from '@/lib/balances/service';
import { listOrganizationConnections } from '@/lib/connections/load';
import type { ConnectionSummary } from '@/lib/db/connections';
import { HydrateOnView } from '@/components/ui/hydrate-on-view';
import { getProviderDefinition } from '@/lib/providers/registry';
import { getQueryClient } from '@/lib/query/client';

export const metadata: Metadata = { title: 'Balances' };

async function PrefetchedBalances({ organizationId, connections }: { organizationId: string; connections: ConnectionSummary[] }) {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: balanceKeys.overview,
    queryFn: () => loadOverview(organizationId, connections),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <BalancesOverview />
    </HydrationBoundary>
  );
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageSession();
  const { denied } = await searchParams;
  const connections = await listOrganizationConnections(user.organizationId);
  const providerNames = connections.map((c) => getProviderDefinition(c.provider).displayName);
  return (
    <>
      {denied !== undefined && (
        <div className="alert alert-warning" role="status" style={{ marginBottom: 16 }}>
          <div>
            <div className="alert-title">That page needs the finance or admin role</div>
            <p>You are signed in as {user.role}. Ask an admin of {user.organizationName} if you need access.</p>
          </div>
        </div>
      )}
      <header className="page-head">
        <div>
          <h1>Balances</h1>
          <p className="muted">Every balance of {user.organizationName}, per currency and state, across your provider accounts.</p>
        </div>
      </header>
      <Suspense fallback={<BalancesSkeleton waitingFor={providerNames} />}>
        <PrefetchedBalances organizationId={user.organizationId} connections={connections} />
      </Suspense>
      {/* Below the balances: hydrated once scrolled into view or the page is used, not while it starts. */}
      <HydrateOnView>
        <OverviewFlows />
      </HydrateOnView>
    </>
  );
}
