import { stringify } from 'csv-stringify/sync';

/** The file's dialect: RFC 4180 records (CRLF, quotes only where needed), comma or semicolon, optional BOM. */
export interface CsvDialect {
  readonly delimiter: ',' | ';';
  /** A UTF-8 byte order mark first, so Excel reads the file as UTF-8. */
  readonly bom: boolean;
}

export const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Characters no CSV field ever quotes or escapes for: no delimiter, no quote, no CR or LF. A record made
 * only of them is written exactly as csv-stringify would write it (tests/unit/csv/writer.test.ts checks
 * that against csv-stringify itself); csv-stringify writes every other record and the header.
 */
const PLAIN = "A-Za-z0-9 _.:'+\\-/";

export interface CsvWriter {
  /** The file's start: the BOM when asked for, then the header record. */
  header(names: readonly string[]): string;
  /** Whole records, each ending in CRLF; the cells are already encoded strings. */
  records(rows: readonly string[][]): string;
}

/** The record as one line when no field needs quoting: plain characters only, and no field holds the delimiter. */
function plainLine(row: readonly string[], delimiter: string, plainWithDelimiter: RegExp): string | null {
  const line = row.join(delimiter);
  if (!plainWithDelimiter.test(line)) return null;
  let delimiters = 0;
  for (let at = line.indexOf(delimiter); at !== -1; at = line.indexOf(delimiter, at + 1)) delimiters += 1;
  return delimiters === row.length - 1 ? line : null;
}

export function csvWriter(dialect: CsvDialect): CsvWriter {
  // With a record delimiter given, csv-stringify would not quote a lone \n or \r unless told to.
  const options = { delimiter: dialect.delimiter, record_delimiter: 'windows', quote_record_delimiter: true, eof: true } as const;
  // In a semicolon file a comma (a decimal comma) needs no quotes either.
  const plainWithDelimiter = new RegExp(`^[${PLAIN}${dialect.delimiter}${dialect.delimiter === ';' ? ',' : ''}]*$`);
  return {
    header: (names) => (dialect.bom ? BOM : '') + stringify([[...names]], options),
    records: (rows) => {
      const parts: string[] = [];
      // csv-stringify allocates several objects per field; records that need no quoting skip that work.
      for (const row of rows) {
        const line = plainLine(row, dialect.delimiter, plainWithDelimiter);
        parts.push(line === null ? stringify([[...row]], options) : line + CRLF);
      }
      return parts.join('');
    },
  };
}
