import { exponentOf } from '@/lib/domain/currencies';
import { groupDigits } from '@/lib/format/numbers';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const formatters = new Map<string, Intl.NumberFormat>();

/** Digits from the ISO 4217 table, not Intl's own defaults (which show HUF and IDR without their fils). */
function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    const exponent = exponentOf(currency);
    const digits = exponent === null ? {} : { minimumFractionDigits: exponent, maximumFractionDigits: exponent };
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code', ...digits });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * Formats an exact decimal string as Intl's en-US currency-code style writes it ("USD 1,234.50",
 * "-JPY 1,200", a no-break space after the code), with string work: no float, and no Intl on the way a page
 * hydrates (see lib/format/numbers). What that cannot write exactly (a currency outside the table, more
 * decimals than the currency has, which Intl rounds) is left to Intl, which reads the string itself.
 */
export function formatMoney(amount: string, currency: string): string {
  const exponent = exponentOf(currency);
  const match = DECIMAL.exec(amount);
  const fraction = match?.[3] ?? '';
  if (exponent === null || !match || fraction.length > exponent) {
    return formatterFor(currency).format(amount as Intl.StringNumericLiteral);
  }
  const whole = groupDigits(match[2]!.replace(/^0+(?=\d)/, ''));
  return `${match[1]}${currency}\u00a0${whole}${exponent > 0 ? `.${fraction.padEnd(exponent, '0')}` : ''}`;
}

/** The symbols Intl's en-US currency style writes where they differ from the code (checked against Intl in the tests). */
const SYMBOLS: Readonly<Record<string, string>> = {
  AUD: 'A$', BRL: 'R$', CAD: 'CA$', CNY: 'CN¥', EUR: '€', GBP: '£', HKD: 'HK$', ILS: '₪', INR: '₹', JPY: '¥', KRW: '₩', MXN: 'MX$',
  NZD: 'NZ$', PHP: '₱', TWD: 'NT$', USD: '$', VND: '₫', XAF: 'FCFA', XCD: 'EC$', XCG: 'Cg.', XOF: 'F\u202fCFA', XPF: 'CFPF',
};
const UNITS = ['', 'K', 'M', 'B', 'T'] as const;
const compactFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A chart figure, compact, as Intl's en-US `notation: 'compact'` currency style with at most one decimal writes
 * it ("$1.2K", "-€2.5M", "CHF 950"), by decimal string work on the number's shortest form, so rounding is
 * Intl's half away from zero. What it cannot write that way (outside the table, under 1e-6 or from 1e15 on,
 * where JavaScript writes an exponent) is left to Intl.
 */
export function formatCompactMoney(value: number, currency: string): string {
  const text = String(Math.abs(value));
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!inCurrencyTable(currency) || !match || Math.abs(value) >= 1e15) {
    let formatter = compactFormatters.get(currency);
    if (!formatter) {
      formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
      compactFormatters.set(currency, formatter);
    }
    return formatter.format(value);
  }
  const digits = `${match[1]}${match[2] ?? ''}`;
  const point = match[1]!.length;
  const significant = match[1]!.replace(/^0+/, '').length;
  let unit = Math.min(UNITS.length - 1, Math.max(0, Math.floor((significant - 1) / 3)));
  let rounded = roundToTenths(digits, point - 3 * unit);
  if (rounded >= 10_000 && unit < UNITS.length - 1) rounded = roundToTenths(digits, point - 3 * ++unit);
  const whole = String(Math.floor(rounded / 10));
  const number = `${whole.length >= 5 ? groupDigits(whole) : whole}${rounded % 10 === 0 ? '' : `.${rounded % 10}`}${UNITS[unit]}`;
  const symbol = SYMBOLS[currency] ?? currency;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  // CLDR's currency spacing: a space unless the symbol ends in a symbol character ($, €, ¥).
  return `${sign}${symbol}${/\p{S}$/u.test(symbol) ? '' : '\u00a0'}${number}`;
}

/** The digits with the decimal point at `point`, in tenths, rounded half away from zero. */
function roundToTenths(digits: string, point: number): number {
  const padded = point < 1 ? `${'0'.repeat(1 - point)}${digits}` : digits;
  const at = Math.max(point, 1);
  const tenths = Number(`${padded.slice(0, at + 1).padEnd(at + 1, '0')}`);
  return (padded[at + 1] ?? '0') >= '5' ? tenths + 1 : tenths;
}

/** A currency of the ISO table, whose symbol SYMBOLS gives (or is its code), as the tests check against Intl. */
function inCurrencyTable(currency: string): boolean {
  return exponentOf(currency) !== null;
}
