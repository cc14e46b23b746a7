import { accountViewCodec, useUrlState } from '@/components/ui/use-url-state';
import { parsePayoutsSearchParams, toPayoutsSearchParams, type PayoutsQuery } from '@/lib/list-query/payouts-url';
import type { ConnectionDto } from '@/lib/connections/schema';
import { pickAccount } from './links';

const PAYOUTS_URL = accountViewCodec(parsePayoutsSearchParams, toPayoutsSearchParams);

/** The view the URL names, read leniently, and a way to move to another view through the URL. */
export function usePayoutsUrl(accounts: readonly ConnectionDto[]) {
  const [view, setView] = useUrlState(PAYOUTS_URL);
  const account = pickAccount(accounts, view.account);
  if (!account) throw new Error('usePayoutsUrl needs at least one account');
  const { query } = view;
  const go = (next: PayoutsQuery, accountId = account.id) => setView({ account: accountId, query: next });

  return {
    account,
    query,
    /** A filter change starts again from the first page. */
    setFilters: (patch: Partial<Omit<PayoutsQuery, 'cursor'>>) => go({ ...query, ...patch, cursor: undefined }),
    setAccount: (accountId: string) => go({ ...query, cursor: undefined }, accountId),
    goToCursor: (cursor: string) => go({ ...query, cursor }),
    clearCursor: () => go({ ...query, cursor: undefined }),
    clearFilters: () => go({ limit: query.limit, tz: query.tz }),
  };
}
