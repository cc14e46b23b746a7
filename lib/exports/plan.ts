import { encodeDecimal, encodeDecimalComma, encodeId, encodeText, type LongIdMode } from '@/lib/csv/cells';
import { utcFormatter, zonedFormatter } from '@/lib/csv/zoned-time';
import type { BalanceTransaction } from '@/lib/domain/transaction';
import { EXPORT_COLUMNS, UTC_SUFFIX, type ExportColumn, type ExportColumnKey } from './columns';

/** The file's columns for a set of options: header names and, per row, the encoded cells. */
export interface ExportPlan {
  readonly header: readonly string[];
  encode(row: BalanceTransaction): string[];
}

export interface PlanOptions {
  readonly columns: readonly ExportColumnKey[];
  /** IANA zone of the timestamp columns; any zone but UTC adds a `_utc` companion after each. */
  readonly timeZone: string;
  readonly longIds: LongIdMode;
  /** Numeric cells with a decimal comma, for the semicolon files that comma-decimal spreadsheets read. */
  readonly decimalComma?: boolean;
}

/** Appends the column's cells (two for a timestamp with its companion) to the record. */
type Emit = (row: BalanceTransaction, out: string[]) => void;

export function isUtcZone(timeZone: string): boolean {
  return timeZone === 'UTC' || timeZone === 'Etc/UTC';
}

function timestampCells(value: ExportColumn['value'], timeZone: string): Emit {
  const local = zonedFormatter(timeZone);
  if (isUtcZone(timeZone)) {
    return (row, out) => {
      const text = value(row);
      const ms = text === null ? Number.NaN : Date.parse(text);
      out.push(text === null ? '' : Number.isNaN(ms) ? encodeText(text) : local(ms));
    };
  }
  const utc = utcFormatter();
  return (row, out) => {
    const text = value(row);
    const ms = text === null ? Number.NaN : Date.parse(text);
    if (Number.isNaN(ms)) {
      const cell = encodeText(text);
      out.push(cell, cell);
    } else {
      out.push(local(ms), utc(ms));
    }
  };
}

function emitterOf(column: ExportColumn, options: PlanOptions): Emit {
  const { value } = column;
  switch (column.kind) {
    case 'text':
      return (row, out) => void out.push(encodeText(value(row)));
    case 'id':
      return (row, out) => void out.push(encodeId(value(row), options.longIds));
    case 'decimal':
      if (options.decimalComma) return (row, out) => void out.push(encodeDecimalComma(value(row)));
      return (row, out) => void out.push(encodeDecimal(value(row)));
    case 'timestamp':
      return timestampCells(value, options.timeZone);
    default: {
      const unreachable: never = column.kind;
      throw new Error(`unknown cell kind ${String(unreachable)}`);
    }
  }
}

export function exportPlan(options: PlanOptions): ExportPlan {
  const chosen: readonly ExportColumn[] = EXPORT_COLUMNS.filter((column) => options.columns.includes(column.key));
  const utcOnly = isUtcZone(options.timeZone);
  const emitters = chosen.map((column) => emitterOf(column, options));
  return {
    header: chosen.flatMap((column) => (column.kind === 'timestamp' && !utcOnly ? [column.key, column.key + UTC_SUFFIX] : [column.key])),
    encode: (row) => {
      const out: string[] = [];
      for (const emit of emitters) emit(row, out);
      return out;
    },
  };
}
