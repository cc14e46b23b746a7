// ISO 4217 minor-unit exponents for every currency the sandbox emits.
const EXPONENTS: Readonly<Record<string, number>> = {
  AUD: 2,
  CAD: 2,
  CNH: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  JPY: 0,
  SGD: 2,
  USD: 2,
  VND: 0,
};

export function currencyExponent(currency: string): number {
  const exponent = EXPONENTS[currency];
  if (exponent === undefined) throw new Error(`no exponent for currency ${currency}`);
  return exponent;
}

/** Formats integer minor units as a plain decimal string with exactly `scale` fraction digits. */
export function formatMinor(minor: bigint, scale: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, '0');
  const body = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** Formats in the currency's own exponent ("409.94" for USD, "1200" for JPY). */
export function formatCurrencyMinor(minor: bigint, currency: string): string {
  return formatMinor(minor, currencyExponent(currency));
}

/** Rounds value * numerator / denominator half away from zero, in integers only. */
export function mulDivRound(value: bigint, numerator: bigint, denominator: bigint): bigint {
  const product = value * numerator;
  const negative = product < 0n !== denominator < 0n;
  const absProduct = product < 0n ? -product : product;
  const absDenominator = denominator < 0n ? -denominator : denominator;
  const rounded = (absProduct * 2n + absDenominator) / (absDenominator * 2n);
  return negative ? -rounded : rounded;
}
