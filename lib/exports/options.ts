import { DEFAULT_EXPORT_COLUMNS, canonicalColumns, type ExportColumnKey } from './columns';

/**
 * The export's own query parameters, next to the transactions list's filters (lib/list-query/transactions):
 * `columns` (comma list), `timestamps` (merchant | utc | an IANA zone, e.g. the browser's),
 * `delimiter` (comma | semicolon; semicolon files write decimals with a comma), `bom` (true | false),
 * `long_ids` (text | plain), `format` (csv | xlsx). Isomorphic and zod-free; the strict schema is ./options-schema.
 */

export const EXPORT_OPTION_KEYS = ['columns', 'timestamps', 'delimiter', 'bom', 'long_ids', 'format'] as const;

export type FileFormat = 'csv' | 'xlsx';

export const DELIMITERS = { comma: ',', semicolon: ';' } as const;
export type DelimiterName = keyof typeof DELIMITERS;

/** `merchant`: the organization's zone; `utc`; or a named zone (the dialog sends the browser's). */
export type TimestampZone = 'merchant' | 'utc' | (string & {});

export interface ExportOptions {
  readonly columns: readonly ExportColumnKey[];
  readonly timestamps: TimestampZone;
  readonly delimiter: DelimiterName;
  readonly bom: boolean;
  readonly longIds: 'text' | 'plain';
  readonly format: FileFormat;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  columns: DEFAULT_EXPORT_COLUMNS,
  timestamps: 'merchant',
  delimiter: 'comma',
  bom: true,
  longIds: 'plain',
  format: 'csv',
};

/** The URL form of the options, in a stable order. */
export function exportOptionParams(options: ExportOptions): [string, string][] {
  return [
    ['columns', canonicalColumns(options.columns).join(',')],
    ['timestamps', options.timestamps],
    ['delimiter', options.delimiter],
    ['bom', String(options.bom)],
    ['long_ids', options.longIds],
    ['format', options.format],
  ];
}

/** The IANA zone the file's timestamps are written in. */
export function timestampZone(timestamps: string, organizationZone: string): string {
  if (timestamps === 'merchant') return organizationZone;
  return timestamps === 'utc' ? 'UTC' : timestamps;
}
