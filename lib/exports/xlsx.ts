import 'server-only';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { zoneOffsets } from '@/lib/csv/zoned-time';
import { isKnownCurrency, currencyExponent } from '@/lib/domain/currencies';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { EXPORT_COLUMNS, UTC_SUFFIX, type ExportColumn, type ExportColumnKey } from './columns';
import type { FileWriter } from './file-writer';
import { isUtcZone } from './plan';

/**
 * XLSX through exceljs's streaming writer, for spreadsheets: ids and texts are string cells (a 27-digit id
 * stays exact, no marker, and a string cell is never evaluated as a formula); amounts are number cells with
 * their currency's decimals; timestamps are date cells showing the chosen zone's wall-clock time.
 *
 * Exactness: a spreadsheet number is a double. A decimal of at most 15 significant digits converts to the
 * double nearest it, and that double shows as the same 15 digits again, so such an amount is exact. A longer
 * amount (at least 10^13 with two decimals) could not be, so it is written as a text cell with its exact digits.
 */

/** Significant digits a double holds for any decimal (DBL_DIG). */
export const EXACT_NUMBER_DIGITS = 15;
/** Rows per sheet, the header included; further rows continue on the next sheet. */
export const SHEET_ROWS = 1_048_576;
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const YIELD_EVERY = 200;
const SETTLE_QUIET_MS = 15;
const SETTLE_MAX_MS = 10_000;
const PLAIN_DECIMAL = /^-?\d+(?:\.(\d+))?$/;

type Cell = string | number | Date | null;
type Style = Partial<ExcelJS.Style>;

/** Whether the decimal text converts to a double that shows exactly these digits again. */
export function fitsDouble(text: string): boolean {
  let digits = 0;
  let leading = true;
  for (const ch of text) {
    if (ch < '0' || ch > '9') continue;
    if (leading && ch === '0') continue;
    leading = false;
    digits += 1;
  }
  return digits <= EXACT_NUMBER_DIGITS;
}

// Shared style objects: exceljs recognises a style it has seen by identity, so each is registered once.
const styles = new Map<string, Style>();
function styleFor(numFmt: string): Style {
  let style = styles.get(numFmt);
  if (!style) {
    style = { numFmt };
    styles.set(numFmt, style);
  }
  return style;
}

export function numberFormat(decimals: number): string {
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

function decimalsOf(column: ExportColumn, row: BalanceTransaction, text: string): number {
  const currency = column.currency?.(row);
  if (currency && isKnownCurrency(currency)) return currencyExponent(currency);
  return PLAIN_DECIMAL.exec(text)?.[1]?.length ?? 0;
}

interface Emitted {
  value: Cell;
  style?: Style;
}

type Emit = (row: BalanceTransaction, out: Emitted[]) => void;

function emitter(column: ExportColumn, timeZone: string): Emit {
  const { value } = column;
  switch (column.kind) {
    case 'text':
    case 'id':
      return (row, out) => void out.push({ value: value(row) });
    case 'decimal':
      return (row, out) => {
        const text = value(row);
        if (text === null || !PLAIN_DECIMAL.test(text) || !fitsDouble(text)) return void out.push({ value: text });
        // The one place a decimal becomes a double: the cell's own type, checked above to hold it exactly.
        out.push({ value: Number(text), style: styleFor(numberFormat(decimalsOf(column, row, text))) });
      };
    case 'timestamp': {
      const date = styleFor(DATE_FORMAT);
      const companion = !isUtcZone(timeZone);
      // Looked up once per day (per hour around a change), not per cell: Intl is slow.
      const offsetAt = companion ? zoneOffsets(timeZone) : () => 0;
      return (row, out) => {
        const text = value(row);
        const ms = text === null ? Number.NaN : Date.parse(text);
        if (Number.isNaN(ms)) {
          out.push({ value: text });
          if (companion) out.push({ value: text });
          return;
        }
        // A spreadsheet date has no zone: the cell holds the wall-clock time of the chosen zone.
        out.push({ value: new Date(ms + offsetAt(ms)), style: date });
        if (companion) out.push({ value: new Date(ms), style: date });
      };
    }
    default: {
      const unreachable: never = column.kind;
      throw new Error(`unknown cell kind ${String(unreachable)}`);
    }
  }
}

export function xlsxFileWriter(options: { readonly columns: readonly ExportColumnKey[]; readonly timeZone: string }): FileWriter {
  const chosen: readonly ExportColumn[] = EXPORT_COLUMNS.filter((column) => options.columns.includes(column.key));
  const companion = !isUtcZone(options.timeZone);
  const header = chosen.flatMap((column) => (column.kind === 'timestamp' && companion ? [column.key, column.key + UTC_SUFFIX] : [column.key]));
  const emitters = chosen.map((column) => emitter(column, options.timeZone));

  const output = new PassThrough();
  let pending: Buffer[] = [];
  let lastData = 0;
  output.on('data', (chunk: Buffer) => {
    pending.push(chunk);
    lastData = performance.now();
  });
  /**
   * Backpressure: exceljs hands rows to its zip without waiting, so rows written faster than they are
   * compressed pile up in memory. After each page, wait until the zip has gone quiet (caught up).
   */
  const settle = async () => {
    const until = performance.now() + SETTLE_MAX_MS;
    do await new Promise((resolve) => setTimeout(resolve, SETTLE_QUIET_MS));
    while (performance.now() - lastData < SETTLE_QUIET_MS && performance.now() < until);
  };
  // The fastest deflate: the zip keeps pace with the rows, and an XLSX compresses well all the same.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheetRows = 0;
  let sheets = 0;

  const newSheet = async () => {
    if (sheet) await sheet.commit();
    sheets += 1;
    sheet = workbook.addWorksheet(sheets === 1 ? 'Transactions' : `Transactions ${sheets}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = header.map((key) => ({ key, width: key.includes('time') || key.endsWith('_at') ? 20 : key.includes('id') ? 30 : 14 }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
    const head = sheet.addRow(header);
    head.font = { bold: true };
    head.commit();
    sheetRows = 1;
    return sheet;
  };
  const drain = () => {
    const out = pending;
    pending = [];
    return out;
  };

  return {
    async write(rows) {
      let target = sheet ?? (await newSheet());
      const cells: Emitted[] = [];
      for (const row of rows) {
        if (sheetRows >= SHEET_ROWS) target = await newSheet();
        cells.length = 0;
        for (const emit of emitters) emit(row, cells);
        const line = target.addRow(cells.map((cell) => cell.value));
        cells.forEach((cell, i) => {
          if (cell.style) line.getCell(i + 1).style = cell.style;
        });
        line.commit();
        sheetRows += 1;
        // The zip compresses on the thread pool; letting its callbacks run keeps the rows from piling up in memory.
        if (sheetRows % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await settle();
      return drain();
    },
    async end() {
      if (!sheet) await newSheet();
      await sheet?.commit();
      await workbook.commit();
      return drain();
    },
  };
}
