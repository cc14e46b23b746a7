import { DEFAULT_TRANSACTION_LIMIT, toSearchParams, type TransactionsQuery } from '@/lib/list-query/transactions-url';
import { exportOptionParams, type ExportOptions } from './options';

/** What an export selects: the transactions list's filters without its paging (an export covers every page). */
export type ExportFilters = Omit<TransactionsQuery, 'limit' | 'cursor'>;

export function exportFiltersOf(query: TransactionsQuery): ExportFilters {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return filters;
}

export function exportPath(connectionId: string): string {
  return `/api/connections/${encodeURIComponent(connectionId)}/exports/transactions`;
}

/** The export's URL: the list's filters as the list writes them, then the export options. */
export function exportUrl(connectionId: string, filters: ExportFilters, options: ExportOptions): string {
  const params = toSearchParams({ ...filters, limit: DEFAULT_TRANSACTION_LIMIT });
  for (const [key, value] of exportOptionParams(options)) params.set(key, value);
  return `${exportPath(connectionId)}?${params.toString()}`;
}
