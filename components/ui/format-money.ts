import { exponentOf } from '@/lib/domain/currencies';

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

/** Formats an exact decimal string; Intl reads the string itself, so no float is involved. */
export function formatMoney(amount: string, currency: string): string {
  return formatterFor(currency).format(amount as Intl.StringNumericLiteral);
}
