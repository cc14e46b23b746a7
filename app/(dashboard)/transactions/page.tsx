import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TableSkeleton } from '@/components/transactions/table';
import { TransactionsView } from '@/components/transactions/transactions-view';
import { requirePageSession } from '@/lib/auth/session';
import { loadConnection } from '@/lib/connections/load';
import { getQueryClient } from '@/lib/query/client';
import { CoverageNote } from '@/components/accounts/coverage-note';
import { listConnectionDtos, providersWith } from '@/lib/connections/dtos';
import { pickAccount } from '@/lib/transactions/href';
import { parseTransactionsSearchParams, type TransactionsQuery } from '@/lib/list-query/transactions-url';
import { transactionKeys } from '@/lib/transactions/queries';
import type { ConnectionDto } from '@/lib/connections/schema';
import { listTransactions } from '@/lib/transactions/service';

export const metadata: Metadata = { title: 'Transactions' };

type SearchParams = Record<string, string | string[] | undefined>;

async function PrefetchedTransactions(props: {
  organizationId: string;
  timeZone: string;
  accounts: ConnectionDto[];
  account: ConnectionDto;
  query: TransactionsQuery;
}) {
  const { organizationId, timeZone, accounts, account, query } = props;
  const queryClient = getQueryClient();
  // A provider failure here is left to the browser's query, which shows it with a retry.
  await queryClient.prefetchQuery({
    queryKey: transactionKeys.list(account.id, query),
    queryFn: async () => listTransactions(await loadConnection(organizationId, account.id), query, { timeZone }),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TransactionsView accounts={accounts} timeZone={timeZone} />
    </HydrationBoundary>
  );
}

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageSession('finance');
  const params = await searchParams;
  const { connections } = await listConnectionDtos(user.organizationId);
  const accounts = connections.filter((c) => c.capabilities.transactions);
  const requested = typeof params.account === 'string' ? params.account : null;
  const account = pickAccount(accounts, requested);
  return (
    <>
      <header className="page-head">
        <div>
          <h1>Transactions</h1>
          <p className="muted">Balance transactions, newest first. Times are shown in {user.organizationTimezone}.</p>
        </div>
      </header>
      <CoverageNote connections={connections} capability="transactions" />
      {account ? (
        <Suspense fallback={<TableSkeleton />}>
          <PrefetchedTransactions
            organizationId={user.organizationId}
            timeZone={user.organizationTimezone}
            accounts={accounts}
            account={account}
            query={parseTransactionsSearchParams(params)}
          />
        </Suspense>
      ) : (
        <div className="card empty">
          <h2>No account with transaction data</h2>
          <p>Transactions come from {providersWith('transactions').join(' or ')} accounts. Connect one to see them here.</p>
        </div>
      )}
    </>
  );
}
