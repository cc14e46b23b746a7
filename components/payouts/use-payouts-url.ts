import { useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { parsePayoutsSearchParams, type PayoutsQuery } from '@/lib/list-query/payouts';
import type { ConnectionDto } from '@/lib/connections/schema';
import { payoutsHref, pickAccount } from './links';

export interface PayoutsView {
  readonly account: ConnectionDto;
  readonly query: PayoutsQuery;
}

/** The view the URL names, read leniently, and a way to move to another view through the URL. */
export function usePayoutsUrl(accounts: readonly ConnectionDto[]) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const [navigating, startTransition] = useTransition();
  const account = pickAccount(accounts, searchParams.get('account')) ?? accounts[0];
  if (!account) throw new Error('usePayoutsUrl needs at least one account');
  const query = parsePayoutsSearchParams(searchParams);

  const go = (next: { accountId?: string; query: PayoutsQuery }, options: { scroll?: boolean } = {}) =>
    startTransition(() => router.push(payoutsHref(next.accountId ?? account.id, next.query), options));

  return {
    account,
    query,
    /** The server renders the next view before the URL changes; meanwhile the current one stays on screen. */
    navigating,
    /** A filter change starts again from the first page. */
    setFilters: (patch: Partial<Omit<PayoutsQuery, 'cursor'>>) => go({ query: { ...query, ...patch, cursor: undefined } }, { scroll: false }),
    setAccount: (accountId: string) => go({ accountId, query: { ...query, cursor: undefined } }, { scroll: false }),
    goToCursor: (cursor: string) => go({ query: { ...query, cursor } }),
    clearCursor: () => go({ query: { ...query, cursor: undefined } }),
    clearFilters: () => go({ query: { limit: query.limit, tz: query.tz } }, { scroll: false }),
  };
}
