const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The one place an exact decimal string becomes a float: for drawing (bar heights, link widths) only.
 * Totals, tooltips, tables and labels always use the decimal strings themselves.
 */
export function decimalToChartNumber(decimal: string): number {
  if (!DECIMAL.test(decimal)) throw new RangeError(`not a decimal string: ${decimal}`);
  return Number(decimal);
}
