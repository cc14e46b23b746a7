'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LocalTime } from '@/components/ui/time';
import { balanceKeys, fetchAccountBalances, overviewQueryOptions } from '@/lib/balances/queries';
import type { OverviewDto } from '@/lib/balances/schema';
import { summarizeByCurrency } from '@/lib/balances/summary';
import { AccountError } from './account-error';
import { CurrencyCard, type CurrencyLine } from './currency-card';
import { BalancesSkeleton } from './skeleton';

function linesByCurrency(data: OverviewDto): Map<string, CurrencyLine[]> {
  const map = new Map<string, CurrencyLine[]>();
  for (const account of data.accounts) {
    if (account.status !== 'ok') continue;
    for (const line of account.lines) {
      const list = map.get(line.currency) ?? [];
      list.push({ connectionId: account.connectionId, providerName: account.providerName, label: account.label, line });
      map.set(line.currency, list);
    }
  }
  return map;
}

export function BalancesOverview() {
  const queryClient = useQueryClient();
  const query = useQuery(overviewQueryOptions());
  const retry = useMutation({
    mutationFn: fetchAccountBalances,
    onSuccess: (account) =>
      queryClient.setQueryData<OverviewDto>(balanceKeys.overview, (old) => {
        if (!old) return old;
        const accounts = old.accounts.map((a) => (a.connectionId === account.connectionId ? account : a));
        return { ...old, accounts, currencies: summarizeByCurrency(accounts) };
      }),
  });

  if (query.isPending) return <BalancesSkeleton />;
  if (query.isError) {
    return (
      <div className="alert alert-danger" role="alert">
        <div>
          <div className="alert-title">Balances could not be loaded</div>
          <p>{query.error.message}</p>
        </div>
        <button type="button" className="btn" onClick={() => query.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  const data = query.data;
  const failed = data.accounts.filter((a) => a.status === 'error');
  const lines = linesByCurrency(data);
  return (
    <div className="stack">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <span className="muted" aria-live="polite">
          {query.isFetching ? 'Refreshing…' : <>Last updated <LocalTime iso={data.generatedAt} zoneLabel /></>}
        </span>
        <button type="button" className="btn" onClick={() => query.refetch()} disabled={query.isFetching}>
          {query.isFetching && <span className="spin" aria-hidden />} Refresh
        </button>
      </div>
      {failed.map((account) =>
        account.status === 'error' ? (
          <AccountError
            key={account.connectionId}
            account={account}
            retrying={retry.isPending && retry.variables === account.connectionId}
            onRetry={() => retry.mutate(account.connectionId)}
          />
        ) : null,
      )}
      {failed.length > 0 && data.currencies.length > 0 && (
        <p className="muted" style={{ margin: 0 }}>
          Totals below leave out {failed.length === 1 ? 'the account' : `the ${failed.length} accounts`} that could not be loaded.
        </p>
      )}
      {data.accounts.length === 0 ? (
        <div className="card empty">
          <h2>No provider accounts connected yet</h2>
          <p>An admin can connect GenPayment, SHOPLINE Payments or NeoX accounts; see the README.</p>
        </div>
      ) : (
        data.currencies.map((summary) => (
          <CurrencyCard key={summary.currency} summary={summary} lines={lines.get(summary.currency) ?? []} />
        ))
      )}
    </div>
  );
}
