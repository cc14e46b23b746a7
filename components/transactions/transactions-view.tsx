'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AccountPicker } from '@/components/accounts/account-picker';
import { ExportButton } from '@/components/exports/export-button';
import { ApiErrorAlert } from '@/components/ui/api-error-alert';
import { HydrateOnView } from '@/components/ui/hydrate-on-view';
import { WaitingHint } from '@/components/ui/waiting-hint';
import { PageSizeSelect } from '@/components/ui/page-size-select';
import { Pager } from '@/components/ui/pager';
import { UrlNotice } from '@/components/ui/url-notice';
import { accountViewCodec, useUrlState } from '@/components/ui/use-url-state';
import { ApiClientError } from '@/lib/query/fetch-json';
import { pickAccount } from '@/lib/transactions/href';
import { DEFAULT_TRANSACTION_LIMIT, DEFAULT_TRANSACTIONS_QUERY, parseTransactionsSearchParams, toSearchParams, TRANSACTION_PAGE_SIZES, type TransactionsQuery } from '@/lib/list-query/transactions-url';
import { transactionsQueryOptions } from '@/lib/transactions/queries';
import type { TransactionDto } from '@/lib/balance-transactions/schema';
import type { ConnectionDto } from '@/lib/connections/schema';
import type { TransactionsPageDto } from '@/lib/transactions/schema';
import { ColumnChooser } from './column-chooser';
import { DetailPanel } from './detail-panel';
import { TransactionFilters, type FilterChange } from './filters';
import { TableSkeleton, TransactionsTable } from './table';
import { TransactionTotals } from './totals';
import { useVisibleColumns } from './use-visible-columns';

const TRANSACTIONS_URL = accountViewCodec(parseTransactionsSearchParams, toSearchParams);

export function TransactionsView({ accounts, timeZone }: { accounts: readonly ConnectionDto[]; timeZone: string }) {
  const [view, setView] = useUrlState(TRANSACTIONS_URL);
  const account = pickAccount(accounts, view.account);
  const { query } = view;
  const [visible, setVisible] = useVisibleColumns();
  const [opened, setOpened] = useState<TransactionDto | null>(null);
  // The last page that loaded stays on screen when the next one fails.
  const [lastGood, setLastGood] = useState<TransactionsPageDto | null>(null);

  const result = useQuery({ ...transactionsQueryOptions(account?.id ?? '', query), enabled: account !== undefined });
  if (result.data && !result.isPlaceholderData && result.data !== lastGood) setLastGood(result.data);

  if (!account) return null;
  // The browser's query fetches the page the URL names while the current one stays, dimmed.
  const go = (next: TransactionsQuery, accountId = account.id) => setView({ account: accountId, query: next });
  const applyFilters = (change: FilterChange) => go({ ...query, ...change, cursor: undefined });
  const page = result.data ?? (result.isError ? lastGood : null);
  const busy = result.isFetching;

  return (
    <div className="stack">
      <UrlNotice applied={toSearchParams(query)} defaults={{ limit: String(DEFAULT_TRANSACTION_LIMIT) }} lists={['type']} />
      <div className="toolbar" style={{ justifyContent: 'space-between', alignItems: 'flex-end' }}>
        <AccountPicker accounts={accounts} value={account.id} onChange={(id) => go({ limit: query.limit }, id)} />
        <div className="toolbar">
          <PageSizeSelect id="page-size" sizes={TRANSACTION_PAGE_SIZES} value={query.limit} onChange={(limit) => go({ ...query, limit, cursor: undefined })} />
          <ColumnChooser visible={visible} onChange={setVisible} />
          <ExportButton connectionId={account.id} merchantTimeZone={timeZone} kind="transactions" query={query} />
        </div>
      </div>
      <TransactionFilters query={query} onChange={applyFilters} />
      <WaitingHint active={busy} providers={[account.providerName]} />
      {/* Each hydrates on its own once in view or the page is used: on a phone the rows start below the filters. */}
      <HydrateOnView>
        <TransactionTotals accountId={account.id} query={query} />
      </HydrateOnView>
      <HydrateOnView className="stack">
        {result.isError && (
          <ApiErrorAlert title="Transactions could not be loaded" error={result.error} retrying={result.isFetching} onRetry={() => result.refetch()}>
            {result.error instanceof ApiClientError && result.error.status === 400 && (
              <button type="button" className="btn" onClick={() => setView({ account: null, query: DEFAULT_TRANSACTIONS_QUERY })}>
                Start over
              </button>
            )}
          </ApiErrorAlert>
        )}
        {page === null ? (
          !result.isError && <TableSkeleton />
        ) : (
          <div className="card card-offscreen">
            <TransactionsTable
              rows={page.items}
              visible={visible}
              timeZone={timeZone}
              accountId={account.id}
              busy={busy}
              onOpen={setOpened}
              empty={
                page.searching ? null : (
                  <div className="empty">
                    <h2>No transactions match these filters</h2>
                    <p>Try a wider date range, another payout status or fewer types.</p>
                    <button type="button" className="btn" onClick={() => go({ limit: query.limit })}>
                      Clear filters
                    </button>
                  </div>
                )
              }
            />
            <Pager page={page} busy={busy} label="Pages" noun={{ one: 'row', other: 'rows' }} onCursor={(cursor) => go({ ...query, cursor })} />
          </div>
        )}
      </HydrateOnView>
      <DetailPanel row={opened} timeZone={timeZone} accountId={account.id} onClose={() => setOpened(null)} />
    </div>
  );
}
