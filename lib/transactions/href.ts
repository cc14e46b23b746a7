import { toSearchParams, type TransactionsQuery } from '@/lib/list-query/transactions-url';

/** The account a URL names, if the organization has it; otherwise the first one. */
export function pickAccount<A extends { id: string }>(accounts: readonly A[], requested: string | null): A | undefined {
  return accounts.find((a) => a.id === requested) ?? accounts[0];
}

/** The transactions page's URL for an account and query: every filter, the page size and the cursor. */
export function transactionsHref(accountId: string, query: TransactionsQuery): string {
  const params = new URLSearchParams({ account: accountId });
  for (const [key, value] of toSearchParams(query)) params.set(key, value);
  return `/transactions?${params.toString()}`;
}
