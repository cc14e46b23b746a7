import type { CsvWriter } from '@/lib/csv/writer';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import type { ExportPlan } from './plan';

/** A file written page by page: each call gives the bytes produced so far, which the job stores as a chunk. */
export interface FileWriter {
  write(rows: readonly BalanceTransaction[]): Promise<Buffer[]>;
  /** The file's end (for XLSX, the rest of the zip). */
  end(): Promise<Buffer[]>;
  /**
   * Present when a page can be encoded without the pages before it (CSV records; XLSX rows, their places in
   * the file filled in by `write`): a page is then encoded as soon as it arrives, so its rows die young instead
   * of waiting in memory behind the pages ahead of it, and its bytes are written in order. Absent: the writer
   * needs the pages in order as rows; use `write`.
   */
  readonly pages?: {
    encode(rows: readonly BalanceTransaction[]): Buffer[];
    /** Encoded pages, in the file's order (the file's start first): the file's bytes they make. */
    write(encoded: readonly Buffer[]): Promise<Buffer[]>;
  };
}

/**
 * Rows encoded at a time: their cells die young instead of living as long as the page, and each slice's
 * text (about 30 KB) stays below V8's large-object size, which would send it straight to the old generation.
 */
export const ENCODE_SLICE = 200;

/** CSV: the header (and BOM) at the file's start, when `fresh`; a file resumed mid-way continues with rows. */
export function csvFileWriter(plan: ExportPlan, writer: CsvWriter, fresh: boolean): FileWriter {
  let start = fresh;
  const header = (): Buffer[] => {
    const parts = start ? [Buffer.from(writer.header(plan.header))] : [];
    start = false;
    return parts;
  };
  const encode = (rows: readonly BalanceTransaction[]): Buffer[] => {
    const parts: Buffer[] = [];
    for (let at = 0; at < rows.length; at += ENCODE_SLICE) {
      parts.push(Buffer.from(writer.records(rows.slice(at, at + ENCODE_SLICE).map((row) => plan.encode(row)))));
    }
    return parts;
  };
  return {
    async write(rows) {
      return [...header(), ...encode(rows)];
    },
    async end() {
      return header();
    },
    pages: { encode, write: async (encoded) => [...header(), ...encoded] },
  };
}
