'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { LocalTime } from '@/components/ui/time';
import { fetchAccountBalances, overviewQueryOptions } from '@/lib/balances/queries';
import type { OverviewDto } from '@/lib/balances/schema';
import { AccountError } from './account-error';
import { CurrencyCard, type CurrencyLine } from './currency-card';
import { BalancesSkeleton } from './skeleton';
import { useRefreshAccounts } from './use-refresh-accounts';
import { HydrateOnView } from '@/components/ui/hydrate-on-view';
import { WaitingHint } from '@/components/ui/waiting-hint';

/** The oldest fetch time among the figures shown: how old the page's figures may be. */
function oldestFetch(data: OverviewDto): string {
  const times = data.accounts.filter((a) => a.status === 'ok').map((a) => a.fetchedAt);
  return times.sort()[0] ?? data.generatedAt;
}

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
  const query = useQuery(overviewQueryOptions());
  const refresh = useRefreshAccounts();
  const retry = useMutation({ mutationFn: fetchAccountBalances, onSuccess: refresh.replace });

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
  const busy = query.isFetching || refresh.pending.size > 0;
  const waitingFor = query.isFetching
    ? data.accounts.map((a) => a.providerName)
    : data.accounts.filter((a) => refresh.pending.has(a.connectionId)).map((a) => a.providerName);
  return (
    <div className="stack">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        {/* Hydrates in a task of its own: the page's first date formatter (ICU's data, ~70 ms at 4x CPU) is not part of hydration's. */}
        <HydrateOnView>
          <span className="muted" aria-live="polite">
            {busy ? (
              'Refreshing…'
            ) : (
              <>
                Figures as of <LocalTime iso={oldestFetch(data)} zoneLabel />
              </>
            )}
          </span>
        </HydrateOnView>
        <button type="button" className="btn" onClick={() => refresh.refresh(data.accounts.map((a) => a.connectionId))} disabled={busy}>
          {busy && <span className="spin" aria-hidden />} Refresh
        </button>
      </div>
      <WaitingHint active={busy} providers={waitingFor} />
      {refresh.error && (
        <div className="alert alert-danger" role="alert">
          <div>
            <div className="alert-title">Fresh balances could not be loaded</div>
            <p>{refresh.error.message} The figures below are the ones loaded before.</p>
          </div>
        </div>
      )}
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
        // One hydration per card, each once in view: the page starts without formatting every currency's figures.
        data.currencies.map((summary) => (
          <HydrateOnView key={summary.currency}>
            <CurrencyCard summary={summary} lines={lines.get(summary.currency) ?? []} />
          </HydrateOnView>
        ))
      )}
    </div>
  );
}
