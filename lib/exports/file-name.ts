import type { ExportFilters } from './filters';

/** `<account>_<filters>_<date>.csv` (or .xlsx), ASCII only, e.g. `acme-shopline_payment+refund_2024-03-01-to-2024-03-31_2024-04-02.csv`. */

const MAX_ACCOUNT_CHARS = 60;

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function dateSegment(from: string | undefined, to: string | undefined): string | null {
  if (from !== undefined && to !== undefined) return from === to ? from : `${from}-to-${to}`;
  if (from !== undefined) return `from-${from}`;
  if (to !== undefined) return `until-${to}`;
  return null;
}

function filterSegments(filters: ExportFilters): string[] {
  const segments = [
    filters.payout_id === undefined ? null : `payout-${filters.payout_id}`,
    filters.type === undefined ? null : filters.type.map(slug).join('+'),
    filters.payout_status === undefined ? null : `payout-${slug(filters.payout_status)}`,
    dateSegment(filters.from, filters.to),
  ].filter((segment): segment is string => segment !== null);
  return segments.length > 0 ? segments : ['all-transactions'];
}

/** `date` is the export's day as YYYY-MM-DD (the organization's calendar); `format` the extension (csv unless said). */
export function exportFileName(input: { accountLabel: string; filters: ExportFilters; date: string; format?: 'csv' | 'xlsx' }): string {
  const account = slug(input.accountLabel).slice(0, MAX_ACCOUNT_CHARS).replace(/-+$/, '') || 'account';
  return `${[account, ...filterSegments(input.filters), input.date].join('_')}.${input.format ?? 'csv'}`;
}
