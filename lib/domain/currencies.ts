/** ISO 4217 minor-unit exponents for the currencies Fundsight can show. */
const EXPONENTS: Readonly<Record<string, number>> = {
  AED: 2, AUD: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNH: 2, CNY: 2, CZK: 2, DKK: 2, EUR: 2, GBP: 2,
  HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2, ISK: 0, JOD: 3, JPY: 0, KRW: 0, KWD: 3, MXN: 2, MYR: 2, NOK: 2,
  NZD: 2, OMR: 3, PHP: 2, PLN: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3, TRY: 2, TWD: 2, UGX: 0, USD: 2,
  VND: 0, ZAR: 2,
};

export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

export function isKnownCurrency(code: string): code is CurrencyCode {
  return Object.hasOwn(EXPONENTS, code);
}

export class UnknownCurrencyError extends Error {
  override readonly name = 'UnknownCurrencyError';
  constructor(readonly code: string) {
    super(`Unknown currency "${code}"`);
  }
}

export function toCurrency(code: string): CurrencyCode {
  const upper = code.trim().toUpperCase();
  if (!isKnownCurrency(upper)) throw new UnknownCurrencyError(code);
  return upper;
}

export function currencyExponent(currency: CurrencyCode): number {
  const exponent = EXPONENTS[currency];
  if (exponent === undefined) throw new UnknownCurrencyError(currency);
  return exponent;
}
