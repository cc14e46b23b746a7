'use client';

import { formatCount } from '@/lib/format/numbers';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { payoutDetailQueryOptions } from '@/lib/payouts/queries';
import { ApiClientError } from '@/lib/query/fetch-json';
import { ApiErrorAlert, retryServerErrors } from '@/components/ui/api-error-alert';
import { PayoutState } from './payout-state';
import { PayoutSummary } from './payout-summary';
import { PayoutTransactions } from './payout-transactions';
import { PayoutDetailSkeleton } from './skeletons';

export function PayoutDetailView({
  accountId,
  payoutId,
  timeZone,
  listHref,
  transactionsHref,
}: {
  accountId: string;
  payoutId: string;
  timeZone: string;
  listHref: string;
  transactionsHref: string;
}) {
  const result = useQuery({ ...payoutDetailQueryOptions(accountId, payoutId), retry: retryServerErrors });
  if (result.isPending) return <PayoutDetailSkeleton />;
  if (result.isError) {
    if (result.error instanceof ApiClientError && result.error.status === 404) {
      return (
        <div className="card empty">
          <h2>Payout not found</h2>
          <p>This account has no payout with the ID {payoutId}. It may belong to another account.</p>
          <Link className="btn" href={listHref}>
            Back to payouts
          </Link>
        </div>
      );
    }
    return (
      <ApiErrorAlert
        title="This payout could not be loaded"
        error={result.error}
        retrying={result.isFetching}
        onRetry={() => void result.refetch()}
      />
    );
  }
  const detail = result.data;
  return (
    <div className="stack">
      <PayoutState status={detail.payout.status} />
      {detail.truncated && (
        <p className="alert alert-warning">
          This payout has more than {formatCount(detail.transactionCount)} transactions: the totals and the
          reconciliation below cover only the newest {formatCount(detail.transactionCount)}. Open it in
          Transactions to see every row.
        </p>
      )}
      <PayoutSummary detail={detail} timeZone={timeZone} />
      <PayoutTransactions accountId={accountId} detail={detail} timeZone={timeZone} transactionsHref={transactionsHref} />
    </div>
  );
}
