import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { accountName, backToListHref, payoutAccounts, payoutTransactionsHref, pickAccount } from '@/components/payouts/links';
import { PayoutDetailView } from '@/components/payouts/payout-detail-view';
import { PayoutDetailSkeleton } from '@/components/payouts/skeletons';
import { requirePageSession } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/session-user';
import { loadConnection } from '@/lib/connections/load';
import { payoutKeys } from '@/lib/payouts/queries';
import { getPayoutDetail } from '@/lib/payouts/service';
import { getQueryClient } from '@/lib/query/client';
import { listConnectionDtos } from '@/lib/connections/dtos';
import type { ConnectionDto } from '@/lib/connections/schema';

type Params = Promise<{ payoutId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Payout ${(await params).payoutId}` };
}

async function PrefetchedPayout({ user, accountId, payoutId, listHref }: {
  user: SessionUser;
  accountId: string;
  payoutId: string;
  listHref: string;
}) {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: payoutKeys.detail(accountId, payoutId),
    queryFn: async () => getPayoutDetail(await loadConnection(user.organizationId, accountId), payoutId),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PayoutDetailView
        accountId={accountId}
        payoutId={payoutId}
        timeZone={user.organizationTimezone}
        listHref={listHref}
        transactionsHref={payoutTransactionsHref(accountId, payoutId)}
      />
    </HydrationBoundary>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

export default async function PayoutPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requirePageSession('finance');
  const { payoutId } = await params;
  const query = await searchParams;
  const accounts: ConnectionDto[] = payoutAccounts((await listConnectionDtos(user.organizationId)).connections);
  const account = pickAccount(accounts, query.account);
  const listHref = account ? backToListHref(account.id, first(query.list)) : '/payouts';
  return (
    <>
      <Link href={listHref} className="payouts-back">
        <span aria-hidden>←</span> All payouts
      </Link>
      <header className="page-head">
        <div>
          <h1>Payout</h1>
          {account && (
            <p className="muted">
              {accountName(account)} · times in {user.organizationTimezone}
            </p>
          )}
        </div>
      </header>
      {account ? (
        <Suspense fallback={<PayoutDetailSkeleton />}>
          <PrefetchedPayout user={user} accountId={account.id} payoutId={payoutId} listHref={listHref} />
        </Suspense>
      ) : (
        <div className="card empty">
          <h2>Payout not found</h2>
          <p>None of {user.organizationName}&apos;s accounts lists payouts.</p>
        </div>
      )}
    </>
  );
}
