import ExcelJS from 'exceljs';
import { zoneOffsets } from '@/lib/csv/zoned-time';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { EXPORT_COLUMNS, type ExportColumn, type ExportColumnKey } from '@/lib/exports/columns';
import type { FileWriter } from '@/lib/exports/file-writer';
import { isUtcZone } from '@/lib/exports/plan';
import { DATE_FORMAT, SHEET_ROWS, addSheet, decimalsOf, fitsDouble, numberFormat, sheetHeader, styleFor, zipWorkbook } from '@/lib/exports/xlsx';

/**
 * The XLSX writer as it was before rows were encoded as XML (lib/exports/xlsx.ts): every cell through exceljs's
 * own row and cell objects. Tests hold the writer to it byte for byte: it is exceljs's reading of the same rows.
 */

const YIELD_EVERY = 200;
const PLAIN_DECIMAL = /^-?\d+(?:\.(\d+))?$/;

type Cell = string | number | Date | null;
type Style = Partial<ExcelJS.Style>;

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

export function referenceXlsxWriter(options: { readonly columns: readonly ExportColumnKey[]; readonly timeZone: string; readonly sheetRows?: number }): Pick<FileWriter, 'write' | 'end'> {
  const chosen: readonly ExportColumn[] = EXPORT_COLUMNS.filter((column) => options.columns.includes(column.key));
  const header = sheetHeader(chosen, options.timeZone);
  const emitters = chosen.map((column) => emitter(column, options.timeZone));
  const { workbook, settle, drain } = zipWorkbook();
  let sheet: ExcelJS.Worksheet | null = null;
  let sheetRows = 0;
  let sheets = 0;
  const newSheet = async () => {
    if (sheet) await sheet.commit();
    sheets += 1;
    sheet = addSheet(workbook, header, sheets);
    sheetRows = 1;
    return sheet;
  };

  return {
    async write(rows) {
      let target = sheet ?? (await newSheet());
      const cells: Emitted[] = [];
      for (const row of rows) {
        if (sheetRows >= (options.sheetRows ?? SHEET_ROWS)) target = await newSheet();
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
