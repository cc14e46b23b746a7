/**
 * Cell encoding by column type, so the column decides how a value is written, never its content.
 * text: spreadsheet-safe (OWASP CSV injection); decimal: exact digits as given; id: text that a
 * spreadsheet will not turn into a number; timestamp: written by the caller from a parsed instant.
 */

export type CellKind = 'text' | 'id' | 'decimal' | 'timestamp';

/** How ids made only of digits are written: `text` marks long or zero-led ones, `plain` leaves them. */
export type LongIdMode = 'text' | 'plain';

/** The marker Fundsight puts before a cell to keep a spreadsheet from evaluating or converting it. */
export const TEXT_MARKER = "'";

/** Spreadsheets evaluate a cell starting with any of these (OWASP: = + - @ tab carriage-return). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** Excel keeps 15 significant digits; a longer number loses its tail (2.02206E+26). */
export const MAX_SAFE_SPREADSHEET_DIGITS = 15;
const FRAGILE_ID = new RegExp(`^(?:\\d{${MAX_SAFE_SPREADSHEET_DIGITS + 1},}|0\\d+)$`);

/** A text cell a spreadsheet would run as a formula gets the text marker in front. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? TEXT_MARKER + value : value;
}

/** Whether a spreadsheet would change this all-digit id: too long to keep exactly, or a leading zero to drop. */
export function isFragileId(value: string): boolean {
  return FRAGILE_ID.test(value);
}

export function encodeText(value: string | null): string {
  return value === null ? '' : neutralizeFormula(value);
}

/** Fragile all-digit ids get the text marker (mode `text`); anything else is treated as text. */
export function encodeId(value: string | null, mode: LongIdMode): string {
  if (value === null) return '';
  if (mode === 'text' && isFragileId(value)) return TEXT_MARKER + value;
  return neutralizeFormula(value);
}

/** A plain decimal stays exactly as given ("-0.76" stays numeric); anything else is not a number, so it is text. */
export function encodeDecimal(value: string | null): string {
  if (value === null) return '';
  return PLAIN_DECIMAL.test(value) ? value : neutralizeFormula(value);
}

/** Reverses the marker a text or id cell may carry: what a program reading the file should do. */
export function stripTextMarker(cell: string): string {
  return cell.startsWith(TEXT_MARKER) ? cell.slice(TEXT_MARKER.length) : cell;
}

/** As encodeDecimal, with a decimal comma ("-0,76"): how de-DE or fr-FR spreadsheets read a number. */
export function encodeDecimalComma(value: string | null): string {
  if (value === null) return '';
  return PLAIN_DECIMAL.test(value) ? value.replace('.', ',') : neutralizeFormula(value);
}
