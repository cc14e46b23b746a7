'use client';

import { PageButton } from '@/components/ui/page-button';
import type { TransactionsPageDto } from '@/lib/transactions/schema';

export function Pagination({
  page,
  busy,
  onPage,
}: {
  page: TransactionsPageDto;
  busy: boolean;
  onPage: (cursor: string | undefined) => void;
}) {
  return (
    <nav className="pagination" aria-label="Pages">
      <span className="muted" aria-live="polite">
        {busy
          ? 'Loading…'
          : page.searching
            ? `Still searching: ${page.items.length} found so far in ${page.scannedRows.toLocaleString('en-US')} rows scanned.`
            : page.nextCursor
              ? `${page.items.length} rows on this page.`
              : `${page.items.length} rows on this page. End of the list.`}
      </span>
      <div className="toolbar">
        <PageButton disabled={busy || !page.previousCursor} onClick={() => onPage(page.previousCursor ?? undefined)}>
          Previous
        </PageButton>
        <PageButton disabled={busy || !page.nextCursor} onClick={() => onPage(page.nextCursor ?? undefined)}>
          {page.searching ? 'Keep searching' : 'Next'}
        </PageButton>
      </div>
    </nav>
  );
}
