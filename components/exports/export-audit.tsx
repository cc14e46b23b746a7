'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Pager } from '@/components/ui/pager';
import { useUrlState, type UrlCodec } from '@/components/ui/use-url-state';
import { parseAuditSearchParams, type ExportAuditQuery } from '@/lib/exports/audit-query';
import type { ExportAuditPageDto } from '@/lib/exports/audit-schema';
import { fetchJson } from '@/lib/query/fetch-json';
import { ExportAuditTable } from './audit-table';

/** The audit pages back only to its newest page: "Newest" stands where other lists have a previous cursor. */
const NEWEST = 'newest';

/** The browser's reading of the URL: a bad cursor shows the newest exports instead of an error. */
const AUDIT_URL: UrlCodec<ExportAuditQuery> = {
  read: parseAuditSearchParams,
  write: (query) => new URLSearchParams(query.cursor === undefined ? [] : [['cursor', query.cursor]]),
};

/** The organization's ended exports, newest first, paged through the URL like every list. */
export function ExportAudit({ initial, initialCursor }: { initial: ExportAuditPageDto; initialCursor: string | undefined }) {
  const [query, setQuery] = useUrlState(AUDIT_URL);
  const result = useQuery({
    queryKey: ['export-audit', query.cursor ?? null],
    queryFn: ({ signal }) =>
      fetchJson(`/api/exports${query.cursor === undefined ? '' : `?cursor=${query.cursor}`}`, () => import('@/lib/exports/audit-schema').then((m) => m.exportAuditPageSchema), { signal }),
    initialData: query.cursor === initialCursor ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const page = result.data;
  if (!page) return null;
  if (page.items.length === 0) {
    return (
      <div className="card empty">
        <p>No export has ended yet. Each one is listed here once it is ready, fails or is cancelled.</p>
      </div>
    );
  }
  const busy = result.isPlaceholderData;
  return (
    <div className="card">
      <ExportAuditTable items={page.items} busy={busy} />
      <Pager
        page={{ ...page, previousCursor: query.cursor === undefined ? null : NEWEST, searching: false, scannedRows: 0 }}
        busy={busy}
        label="Audit pages"
        noun={{ one: 'export', other: 'exports' }}
        labels={{ previous: 'Newest', next: 'Older exports' }}
        onCursor={(cursor) => setQuery({ limit: query.limit, cursor: cursor === NEWEST ? undefined : cursor })}
      />
    </div>
  );
}
