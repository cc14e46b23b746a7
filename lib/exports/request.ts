import 'server-only';
import { ApiError } from '@/lib/http/api-error';
// Not the route wrapper's module: export workers run outside Next and must not load the session code.
import { parseQuery } from '@/lib/http/query';
import { transactionsQueryFields, transactionsQuerySchema } from '@/lib/list-query/transactions';
import { exportFiltersOf, type ExportFilters } from './filters';
import { EXPORT_OPTION_KEYS, type ExportOptions } from './options';
import { exportOptionsSchema } from './options-schema';

export interface ExportRequest {
  readonly filters: ExportFilters;
  readonly options: ExportOptions;
}

const PAGING_KEYS = ['cursor', 'limit'] as const;

/** The transactions list's own schema for the filters, the export schema for the rest; both strict (400 naming the parameter). */
export function parseExportRequest(params: URLSearchParams): ExportRequest {
  const filterParams = new URLSearchParams();
  const optionParams = new URLSearchParams();
  for (const [key, value] of params) {
    ((EXPORT_OPTION_KEYS as readonly string[]).includes(key) ? optionParams : filterParams).append(key, value);
  }
  for (const key of PAGING_KEYS) {
    if (filterParams.has(key)) {
      throw new ApiError(400, 'invalid_parameter', `Invalid query parameter "${key}": an export covers every page, so it takes no ${key}.`);
    }
  }
  const query = parseQuery(transactionsQuerySchema, filterParams);
  return { filters: exportFiltersOf(query), options: parseQuery(exportOptionsSchema, optionParams) };
}

/** The export route's query as the route wrapper reads it: the keys it takes and the parser. */
export const exportRequestReader = {
  keys: [...Object.keys(transactionsQueryFields).filter((key) => !(PAGING_KEYS as readonly string[]).includes(key)), ...EXPORT_OPTION_KEYS],
  parse: parseExportRequest,
} as const;
