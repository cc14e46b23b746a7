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
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const SETTLE_QUIET_MS = 15;
const SETTLE_MAX_MS = 10_000;
const PLAIN_DECIMAL = /^-?\d+(?:\.(\d+))?$/;

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
export function styleFor(numFmt: string): Style {
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

/** The decimals an amount shows: its currency's, else as many as its text has. */
export function decimalsOf(column: ExportColumn, row: BalanceTransaction, text: string): number {
  const currency = column.currency?.(row);
  if (currency && isKnownCurrency(currency)) return currencyExponent(currency);
  return PLAIN_DECIMAL.exec(text)?.[1]?.length ?? 0;
}

/**
 * A page's rows are encoded as they arrive, like CSV records (FileWriter.pages), into the sheet XML that
 * exceljs would write for them, with three things left open because they depend on where the rows land in
 * the file: the row number, the sheet (a page may cross into the next one) and the style ids (exceljs numbers
 * styles in the order the file first uses them). Each is a marker, byte 0x01 and a letter, filled in when
 * the page's turn comes. So the pages fetched ahead wait as bytes outside the JavaScript heap, not as rows
 * (which lived across the write before them and were promoted to the old generation by the page), and the
 * rows that exceljs would build per cell are never built: the XML is written into the sheet's stream directly.
 * tests/unit/exports/xlsx.test.ts holds this byte for byte to what exceljs writes for the same rows.
 */
const MARK = 0x01;
/** The row's opening tag, with its number: a row starts here. */
const MARK_ROW = 0x52; // R
/** The number of the row begun last, in a cell's reference. */
const MARK_NUMBER = 0x4e; // N
/** A style id: its slot (decimal digits, in this writer's list of styles) follows. */
const MARK_STYLE = 0x53; // S
const ROW_OPEN = '\x01R';
const ROW_NUMBER = '\x01N';
/** Rows encoded into one buffer: 30 to 60 KB of XML, a string that V8 allocates young. */
const XML_SLICE = 100;
/** The buffer rows are filled in (below): the size of exceljs's own buffers. */
const SCRATCH_BYTES = 65_536;

/** exceljs's xmlEncode: markup escaped, and the control characters XML 1.0 cannot hold dropped (so never a marker). */
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const XML_ESCAPES: Readonly<Record<string, string>> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
export function xmlText(text: string): string {
  return text.replace(XML_SPECIAL, (ch) => XML_ESCAPES[ch] ?? '');
}

/** exceljs's serial date: days since 1899-12-30, the same arithmetic (so the same double). */
function excelDate(ms: number): number {
  return 25569 + ms / (24 * 3600 * 1000);
}

/** A column's letters: 1 -> A, 27 -> AA. */
export function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

type StyleSlot = (style: Style, type: ExcelJS.ValueType) => number;
/** The XML of one row's cells for a column (two for a timestamp with its UTC companion); '' for a null. */
type Encode = (row: BalanceTransaction) => string;

function encoder(column: ExportColumn, letters: readonly string[], timeZone: string, slot: StyleSlot): Encode {
  const { value } = column;
  const text = (ref: string, cell: string | null): string => (cell === null ? '' : `<c r="${ref}${ROW_NUMBER}" t="str"><v>${xmlText(cell)}</v></c>`);
  const styled = (ref: string, style: number, cell: number): string => `<c r="${ref}${ROW_NUMBER}" s="\x01S${style}"><v>${String(cell)}</v></c>`;
  const [ref = 'A', utcRef = 'A'] = letters;
  switch (column.kind) {
    case 'text':
    case 'id':
      return (row) => text(ref, value(row));
    case 'decimal': {
      const slots = new Map<number, number>();
      return (row) => {
        const cell = value(row);
        if (cell === null || !PLAIN_DECIMAL.test(cell) || !fitsDouble(cell)) return text(ref, cell);
        const decimals = decimalsOf(column, row, cell);
        let style = slots.get(decimals);
        if (style === undefined) {
          style = slot(styleFor(numberFormat(decimals)), ExcelJS.ValueType.Number);
          slots.set(decimals, style);
        }
        // The one place a decimal becomes a double: the cell's own type, checked above to hold it exactly.
        return styled(ref, style, Number(cell));
      };
    }
    case 'timestamp': {
      const date = slot(styleFor(DATE_FORMAT), ExcelJS.ValueType.Date);
      const companion = !isUtcZone(timeZone);
      // Looked up once per day (per hour around a change), not per cell: Intl is slow.
      const offsetAt = companion ? zoneOffsets(timeZone) : () => 0;
      return (row) => {
        const cell = value(row);
        const ms = cell === null ? Number.NaN : Date.parse(cell);
        if (Number.isNaN(ms)) return companion ? text(ref, cell) + text(utcRef, cell) : text(ref, cell);
        // A spreadsheet date has no zone: the cell holds the wall-clock time of the chosen zone.
        const local = styled(ref, date, excelDate(new Date(ms + offsetAt(ms)).getTime()));
        return companion ? local + styled(utcRef, date, excelDate(ms)) : local;
      };
    }
    default: {
      const unreachable: never = column.kind;
      throw new Error(`unknown cell kind ${String(unreachable)}`);
    }
  }
}

/** The parts of exceljs's streaming writer this one writes through; not in its types, so checked when used. */
interface SheetInternals {
  readonly stream: { write(chunk: Buffer): unknown };
}
interface WorkbookInternals {
  readonly styles: { addStyleModel(style: Style, type: ExcelJS.ValueType): number };
}

function sheetStream(sheet: ExcelJS.Worksheet): SheetInternals['stream'] {
  const { stream } = sheet as unknown as Partial<SheetInternals>;
  if (typeof stream?.write !== 'function') throw new Error('exceljs: the worksheet writer has no stream to write rows to');
  return stream;
}

function styleRegistry(workbook: ExcelJS.stream.xlsx.WorkbookWriter): WorkbookInternals['styles'] {
  const { styles } = workbook as unknown as Partial<WorkbookInternals>;
  if (typeof styles?.addStyleModel !== 'function') throw new Error('exceljs: the workbook writer has no style registry');
  return styles;
}

/** The header row: the columns' keys, a timestamp's followed by its UTC companion outside UTC. */
export function sheetHeader(chosen: readonly ExportColumn[], timeZone: string): string[] {
  const companion = !isUtcZone(timeZone);
  return chosen.flatMap((column) => (column.kind === 'timestamp' && companion ? [column.key, column.key + UTC_SUFFIX] : [column.key]));
}

/** exceljs's streaming writer, and the zip it writes, collected until `drain`. */
export function zipWorkbook(): { workbook: ExcelJS.stream.xlsx.WorkbookWriter; settle: () => Promise<void>; drain: () => Buffer[] } {
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
  const drain = () => {
    const out = pending;
    pending = [];
    return out;
  };
  // The fastest deflate: the zip keeps pace with the rows, and an XLSX compresses well all the same.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  return { workbook, settle, drain };
}

/** Sheet `n` (from 1): frozen header row, filters, column widths; the header row written (bold). */
export function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, header: readonly string[], n: number): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(n === 1 ? 'Transactions' : `Transactions ${n}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((key) => ({ key, width: key.includes('time') || key.endsWith('_at') ? 20 : key.includes('id') ? 30 : 14 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.commit();
  return sheet;
}

export interface XlsxOptions {
  readonly columns: readonly ExportColumnKey[];
  readonly timeZone: string;
  /** Rows per sheet, the header included (SHEET_ROWS; fewer in tests, to see rows continue on a next sheet). */
  readonly sheetRows?: number;
}

export function xlsxFileWriter(options: XlsxOptions): FileWriter {
  const sheetSize = options.sheetRows ?? SHEET_ROWS;
  const chosen: readonly ExportColumn[] = EXPORT_COLUMNS.filter((column) => options.columns.includes(column.key));
  const companion = !isUtcZone(options.timeZone);
  const header = sheetHeader(chosen, options.timeZone);

  // This writer's styles, numbered as the encoders first meet them; exceljs's ids are given in file order (below).
  const slotted: { readonly style: Style; readonly type: ExcelJS.ValueType }[] = [];
  const slot: StyleSlot = (style, type) => {
    const known = slotted.findIndex((entry) => entry.style === style);
    if (known !== -1) return known;
    slotted.push({ style, type });
    return slotted.length - 1;
  };
  let next = 1;
  const encoders = chosen.map((column) => {
    const width = column.kind === 'timestamp' && companion ? 2 : 1;
    const letters = Array.from({ length: width }, (_, i) => columnLetters(next + i));
    next += width;
    return encoder(column, letters, options.timeZone, slot);
  });

  const { workbook, settle, drain } = zipWorkbook();
  const styles = styleRegistry(workbook);
  /** exceljs's style id of each slot, given when the file first uses it (so numbered as exceljs numbers them). */
  const styleIds: string[] = [];
  const styleId = (at: number): string => {
    let id = styleIds[at];
    if (id === undefined) {
      const entry = slotted[at];
      if (!entry) throw new Error(`no style in slot ${at}`);
      id = String(styles.addStyleModel(entry.style, entry.type));
      styleIds[at] = id;
    }
    return id;
  };
  const rowOpen = Buffer.from('<row r="');
  const rowOpenEnd = Buffer.from(`" spans="1:${header.length}" x14ac:dyDescent="0.25">`);
  let sheet: ExcelJS.Worksheet | null = null;
  let stream: SheetInternals['stream'] | null = null;
  let sheetRows = 0;
  let sheets = 0;

  const newSheet = async () => {
    if (sheet) await sheet.commit();
    sheets += 1;
    // The header through exceljs: it opens the sheet's data, and rows written to its stream then follow it.
    const created = addSheet(workbook, header, sheets);
    sheet = created;
    stream = sheetStream(created);
    sheetRows = 1;
  };

  const encode = (rows: readonly BalanceTransaction[]): Buffer[] => {
    const parts: Buffer[] = [];
    for (let at = 0; at < rows.length; at += XML_SLICE) {
      let xml = '';
      for (let i = at; i < Math.min(at + XML_SLICE, rows.length); i += 1) {
        const row = rows[i]!;
        xml += ROW_OPEN;
        for (const encode of encoders) xml += encode(row);
        xml += '</row>';
      }
      parts.push(Buffer.from(xml));
    }
    return parts;
  };

  /**
   * The XML with its markers filled in is gathered here and handed to the sheet's stream, which copies what
   * it is given at once (exceljs's StreamBuf, into its own 64 KB buffers): so one buffer serves every row.
   */
  const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  let filled = 0;
  const flush = () => {
    if (filled > 0) stream?.write(scratch.subarray(0, filled));
    filled = 0;
  };
  const copy = (source: Buffer, start: number, end: number) => {
    for (let from = start; from < end; ) {
      if (filled === SCRATCH_BYTES) flush();
      const copied = source.copy(scratch, filled, from, Math.min(end, from + SCRATCH_BYTES - filled));
      filled += copied;
      from += copied;
    }
  };
  /** A number's digits (ASCII: one byte each). */
  const digits = (text: string) => {
    if (SCRATCH_BYTES - filled < text.length) flush();
    filled += scratch.write(text, filled, 'latin1');
  };

  /** One encoded part into the sheets, its markers filled in; a new sheet begins at a row that would not fit. */
  const writePart = async (part: Buffer) => {
    let from = 0;
    /** The number of the row begun last (a part holds whole rows, so it begins with one). */
    let number: string | null = null;
    for (let at = part.indexOf(MARK); at !== -1; at = part.indexOf(MARK, from)) {
      copy(part, from, at);
      const kind = part[at + 1];
      from = at + 2;
      if (kind === MARK_ROW) {
        if (!stream || sheetRows >= sheetSize) {
          flush();
          await newSheet();
        }
        sheetRows += 1;
        number = String(sheetRows);
        copy(rowOpen, 0, rowOpen.length);
        digits(number);
        copy(rowOpenEnd, 0, rowOpenEnd.length);
      } else if (kind === MARK_NUMBER) {
        if (number === null) throw new Error('an encoded XLSX part must begin with a row');
        digits(number);
      } else if (kind === MARK_STYLE) {
        let slotAt = 0;
        for (let digit = (part[from] ?? 0) - 0x30; digit >= 0 && digit <= 9; digit = (part[from] ?? 0) - 0x30) {
          slotAt = slotAt * 10 + digit;
          from += 1;
        }
        digits(styleId(slotAt));
      } else throw new Error(`unknown marker ${String(kind)} in an encoded XLSX row`);
    }
    copy(part, from, part.length);
    flush();
  };

  const pages = {
    encode,
    async write(encoded: readonly Buffer[]) {
      if (!sheet) await newSheet();
      for (const part of encoded) {
        await writePart(part);
        // The zip compresses on the thread pool; letting its callbacks run keeps the XML from piling up in memory.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await settle();
      return drain();
    },
  };
  return {
    write: (rows) => pages.write(encode(rows)),
    async end() {
      if (!sheet) await newSheet();
      await sheet?.commit();
      await workbook.commit();
      return drain();
    },
    pages,
  };
}
