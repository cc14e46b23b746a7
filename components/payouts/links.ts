import type { ConnectionDto } from '@/lib/connections/schema';
import { parsePayoutsSearchParams, toPayoutsSearchParams, type PayoutsQuery } from '@/lib/list-query/payouts-url';

/** Accounts whose provider lists payouts, in the organization's order. */
export function payoutAccounts(connections: readonly ConnectionDto[]): ConnectionDto[] {
  return connections.filter((connection) => connection.capabilities.payouts);
}

/** The account the URL names when it offers payouts, else the first one; lenient like the rest of the URL. */
export function pickAccount(
  accounts: readonly ConnectionDto[],
  requested: string | readonly string[] | null | undefined,
): ConnectionDto | undefined {
  const id = typeof requested === 'string' ? requested : requested?.[0];
  return accounts.find((account) => account.id === id) ?? accounts[0];
}

/** "Label · Provider", without repeating the provider when the label already names it. */
export function accountName(account: Pick<ConnectionDto, 'label' | 'providerName'>): string {
  return account.label.includes(account.providerName) ? account.label : `${account.label} · ${account.providerName}`;
}

function withParams(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function payoutsHref(accountId: string, query: PayoutsQuery): string {
  return withParams('/payouts', new URLSearchParams([['account', accountId], ...toPayoutsSearchParams(query)]));
}

/** The list's own query rides along as `list`, so the detail's back link returns to the same view. */
export function payoutHref(accountId: string, payoutId: string, listQuery?: PayoutsQuery): string {
  const params = new URLSearchParams([['account', accountId]]);
  const list = listQuery ? toPayoutsSearchParams(listQuery).toString() : '';
  if (list) params.set('list', list);
  return withParams(`/payouts/${encodeURIComponent(payoutId)}`, params);
}

/** The back link of a detail page: the `list` query read leniently, like any URL. */
export function backToListHref(accountId: string, list: string | undefined): string {
  return payoutsHref(accountId, parsePayoutsSearchParams(new URLSearchParams(list ?? '')));
}

export function payoutTransactionsHref(accountId: string, payoutId: string): string {
  return withParams('/transactions', new URLSearchParams([['account', accountId], ['payout_id', payoutId]]));
}
