import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { payoutAccounts, pickAccount } from '@/components/payouts/links';
import { PayoutsView } from '@/components/payouts/payouts-view';
import { PayoutsSkeleton } from '@/components/payouts/skeletons';
import { requirePageSession } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/session-user';
import { loadConnection } from '@/lib/connections/load';
import { parsePayoutsSearchParams } from '@/lib/list-query/payouts-url';
import { payoutKeys } from '@/lib/payouts/queries';
import { listPayouts } from '@/lib/payouts/service';
import { getQueryClient } from '@/lib/query/client';
import { CoverageNote } from '@/components/accounts/coverage-note';
import { listConnectionDtos, providersWith } from '@/lib/connections/dtos';
import type { ConnectionDto } from '@/lib/connections/schema';

export const metadata: Metadata = { title: 'Payouts' };

type SearchParams = Record<string, string | string[] | undefined>;

async function PrefetchedPayouts({
  user,
  accounts,
  searchParams,
}: {
  user: SessionUser;
  accounts: ConnectionDto[];
  searchParams: SearchParams;
}) {
  const account = pickAccount(accounts, searchParams.account);
  const query = parsePayoutsSearchParams(searchParams);
  const queryClient = getQueryClient();
  if (account) {
    // Same key and view as the browser's query, so the cursors it gets back are valid for the API too.
    await queryClient.prefetchQuery({
      queryKey: payoutKeys.list(account.id, query),
      queryFn: async () =>
        listPayouts(await loadConnection(user.organizationId, account.id), query, { timeZone: user.organizationTimezone }),
    });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PayoutsView accounts={accounts} organizationTimeZone={user.organizationTimezone} />
    </HydrationBoundary>
  );
}

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageSession('finance');
  const { connections } = await listConnectionDtos(user.organizationId);
  const accounts = payoutAccounts(connections);
  const params = await searchParams;
  const timeZone = parsePayoutsSearchParams(params).tz ?? user.organizationTimezone;
  return (
    <>
      <header className="page-head">
        <div>
          <h1>Payouts</h1>
          <p className="muted">
            What your provider accounts paid out to your bank, newest first. Dates are shown and filtered in{' '}
            {timeZone === user.organizationTimezone ? `${timeZone}, your organization’s timezone` : timeZone}.
          </p>
        </div>
      </header>
      <CoverageNote connections={connections} capability="payouts" />
      {accounts.length === 0 ? (
        <div className="card empty">
          <h2>No account lists payouts</h2>
          <p>
            Payouts are available for {providersWith('payouts').join(' or ')} accounts; none is connected to {user.organizationName} yet.
          </p>
        </div>
      ) : (
        <Suspense fallback={<PayoutsSkeleton />}>
          <PrefetchedPayouts user={user} accounts={accounts} searchParams={params} />
        </Suspense>
      )}
    </>
  );
}
