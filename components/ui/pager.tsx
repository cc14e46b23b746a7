import { formatCount } from '@/lib/format/numbers';
import { PageButton } from './page-button';

/** What a pager needs of a walked list's page (transactions and payouts pages both have it). */
export interface PagedList {
  readonly items: readonly unknown[];
  readonly nextCursor: string | null;
  readonly previousCursor: string | null;
  /** The server stopped at its budget, not at the end: Next keeps searching. */
  readonly searching: boolean;
  readonly scannedRows: number;
}

const count = (n: number) => formatCount(n);

function describe(page: PagedList, noun: { one: string; other: string }, searching: boolean): string {
  const found = page.items.length;
  const nouns = found === 1 ? noun.one : noun.other;
  if (searching) {
    return `Still searching: ${found === 0 ? 'none found yet' : `${count(found)} ${nouns} found so far`}, ${count(page.scannedRows)} rows checked.`;
  }
  const end = page.nextCursor === null ? ' End of the list.' : '';
  return `${count(found)} ${nouns} on this page.${end}`;
}

/**
 * Previous / Next over a list's signed cursors, with a status line saying how far the walk got. Nothing to
 * page and nothing found renders nothing: the list's empty state says it.
 */
export function Pager({
  page,
  busy,
  label,
  noun,
  labels,
  onCursor,
}: {
  page: PagedList;
  busy: boolean;
  /** The navigation's name, e.g. "Pages" or "Payout pages". */
  label: string;
  noun: { one: string; other: string };
  /** The buttons' words where "Previous" and "Next" would mislead (e.g. a list that only goes back to its newest page). */
  labels?: { previous: string; next: string };
  onCursor: (cursor: string) => void;
}) {
  const { nextCursor, previousCursor } = page;
  const searching = page.searching && nextCursor !== null;
  if (page.items.length === 0 && !searching && previousCursor === null && nextCursor === null) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <p className="muted" role="status">
        {busy ? 'Loading…' : describe(page, noun, searching)}
      </p>
      <div className="toolbar">
        <PageButton disabled={busy || previousCursor === null} onClick={() => previousCursor && onCursor(previousCursor)}>
          <span aria-hidden>←</span> {labels?.previous ?? 'Previous'}
        </PageButton>
        <PageButton primary={searching} disabled={busy || nextCursor === null} onClick={() => nextCursor && onCursor(nextCursor)}>
          {searching ? 'Keep searching' : <>{labels?.next ?? 'Next'} <span aria-hidden>→</span></>}
        </PageButton>
      </div>
    </nav>
  );
}
