'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { balanceKeys, fetchAccountBalances } from '@/lib/balances/queries';
import type { AccountBalancesDto, OverviewDto } from '@/lib/balances/schema';
import { summarizeByCurrency } from '@/lib/balances/summary';

/**
 * Fresh figures for each account, fetched side by side: an account shows its new figures as soon as it
 * answers, and `pending` tells which ones are still waiting (for their provider's budget, say).
 */
export function useRefreshAccounts() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<Error | null>(null);

  const replace = useCallback(
    (account: AccountBalancesDto) =>
      queryClient.setQueryData<OverviewDto>(balanceKeys.overview, (old) => {
        if (!old) return old;
        const accounts = old.accounts.map((a) => (a.connectionId === account.connectionId ? account : a));
        return { ...old, accounts, currencies: summarizeByCurrency(accounts) };
      }),
    [queryClient],
  );

  const refresh = useCallback(
    async (connectionIds: readonly string[]) => {
      setError(null);
      setPending(new Set(connectionIds));
      await Promise.all(
        connectionIds.map(async (id) => {
          try {
            replace(await fetchAccountBalances(id));
          } catch (failure) {
            setError(failure instanceof Error ? failure : new Error('The server could not be reached.'));
          } finally {
            setPending((current) => new Set([...current].filter((other) => other !== id)));
          }
        }),
      );
    },
    [replace],
  );

  return { refresh, replace, pending, error };
}
