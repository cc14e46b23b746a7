import { PageButton } from '@/components/ui/page-button';
import type { PayoutsPageDto } from '@/lib/payouts/schema';

export function PayoutsPagination({
  page,
  busy,
  onCursor,
}: {
  page: PayoutsPageDto;
  busy: boolean;
  onCursor: (cursor: string) => void;
}) {
  const { nextCursor, previousCursor } = page;
  const searching = page.searching && nextCursor !== null;
  const count = page.items.length;
  if (count === 0 && !searching && previousCursor === null && nextCursor === null) return null;
  return (
    <nav className="payouts-pager" aria-label="Payout pages">
      <p className="muted" role="status">
        {busy
          ? 'Loading…'
          : searching
            ? `Still searching older payouts… ${count === 0 ? 'None found yet' : `${count} found so far`} (${page.scannedRows.toLocaleString('en-US')} checked).`
            : `${count} ${count === 1 ? 'payout' : 'payouts'} on this page${nextCursor === null && previousCursor !== null ? ' · no older payouts' : ''}.`}
      </p>
      <div className="toolbar">
        <PageButton disabled={busy || previousCursor === null} onClick={() => previousCursor && onCursor(previousCursor)}>
          <span aria-hidden>←</span> Previous
        </PageButton>
        <PageButton primary={searching} disabled={busy || nextCursor === null} onClick={() => nextCursor && onCursor(nextCursor)}>
          {searching ? 'Keep searching' : <>Next <span aria-hidden>→</span></>}
        </PageButton>
      </div>
    </nav>
  );
}
