'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { payoutsQueryOptions } from '@/lib/payouts/queries';
import type { PayoutsPageDto } from '@/lib/payouts/schema';
import type { ConnectionDto } from '@/lib/connections/schema';
import { ApiErrorAlert, retryServerErrors } from '@/components/ui/api-error-alert';
import { HydrateOnView } from '@/components/ui/hydrate-on-view';
import { Pager } from '@/components/ui/pager';
import { UrlNotice } from '@/components/ui/url-notice';
import { DEFAULT_PAYOUT_LIMIT, toPayoutsSearchParams } from '@/lib/list-query/payouts-url';
import { PayoutRangeTotals } from './payout-range-totals';
import { PayoutsEmpty } from './payouts-empty';
import { PayoutsFilters } from './payouts-filters';
import { PayoutsTable } from './payouts-table';
import { PayoutsSkeleton } from './skeletons';
import { usePayoutsUrl } from './use-payouts-url';

/** The payouts of one account as the URL describes them: filters, table, paging. */
export function PayoutsView({ accounts, organizationTimeZone }: { accounts: readonly ConnectionDto[]; organizationTimeZone: string }) {
  const url = usePayoutsUrl(accounts);
  const { account, query } = url;
  const result = useQuery({ ...payoutsQueryOptions(account.id, query), retry: retryServerErrors });

  // An error has no placeholder data: the rows last shown stay on screen under the alert.
  const [shown, setShown] = useState<PayoutsPageDto | undefined>(result.data);
  if (result.data && !result.isPlaceholderData && result.data !== shown) setShown(result.data);
  const page = result.data ?? (result.isError ? shown : undefined);

  const busy = result.isPlaceholderData;
  const timeZone = query.tz ?? organizationTimeZone;
  const filtered = query.status !== undefined || query.from !== undefined || query.to !== undefined;

  return (
    <div className="stack">
      <UrlNotice applied={toPayoutsSearchParams(query)} defaults={{ limit: String(DEFAULT_PAYOUT_LIMIT) }} />
      <PayoutsFilters
        accounts={accounts}
        accountId={account.id}
        query={query}
        onAccountChange={url.setAccount}
        onChange={url.setFilters}
      />
      {/* Each hydrates on its own once in view or the page is used: on a phone the rows start below the filters. */}
      <HydrateOnView>
        <PayoutRangeTotals accountId={account.id} query={query} />
      </HydrateOnView>
      <HydrateOnView className="stack">
        {result.isError && (
          <ApiErrorAlert
            title="Payouts could not be loaded"
            error={result.error}
            retrying={result.isFetching}
            onRetry={() => void result.refetch()}
          >
            {query.cursor !== undefined && (
              <button type="button" className="btn btn-ghost" onClick={url.clearCursor}>
                Back to the first page
              </button>
            )}
          </ApiErrorAlert>
        )}
        {page ? (
          <section className={`card payouts-card${busy ? ' is-busy' : ''}`} aria-busy={busy} aria-label={`Payouts of ${account.label}`}>
            <PayoutsTable
              items={page.items}
              accountId={account.id}
              listQuery={query}
              timeZone={timeZone}
              empty={page.searching ? null : <PayoutsEmpty filtered={filtered} accountLabel={account.label} onClear={url.clearFilters} />}
            />
            <Pager page={page} busy={busy} label="Payout pages" noun={{ one: 'payout', other: 'payouts' }} onCursor={url.goToCursor} />
          </section>
        ) : (
          !result.isError && <PayoutsSkeleton rowsOnly />
        )}
      </HydrateOnView>
    </div>
  );
}
