/**
 * Minor-unit exponents of every active ISO 4217 currency (list one, amendments to 2025: ZWG in, ZWL, HRK and
 * SLL out, XCG in), plus CNH, the offshore renminbi that NeoX reports and ISO does not list. Codes whose
 * minor unit ISO gives as "N.A." (metals, XDR, XSU, XUA, the test codes) are not money and are left out.
 * Funds codes (BOV, CLF, UYW, ...) are in: a provider may report them.
 */
const CODES_BY_EXPONENT: Readonly<Record<0 | 2 | 3 | 4, string>> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  2:
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF ' +
    'CHE CHF CHW CNH CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD ' +
    'MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD ' +
    'RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD ' +
    'USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
};

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.entries(CODES_BY_EXPONENT).flatMap(([exponent, codes]) => codes.split(' ').map((code) => [code, Number(exponent)] as const)),
);

/** Every code Fundsight can read, sorted. */
export const CURRENCY_CODES: readonly string[] = [...EXPONENTS.keys()].sort();

export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

export function isKnownCurrency(code: string): code is CurrencyCode {
  return EXPONENTS.has(code);
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
  const exponent = EXPONENTS.get(currency);
  if (exponent === undefined) throw new UnknownCurrencyError(currency);
  return exponent;
}

/** The exponent of a code that arrived as text (a DTO field), or null when it is not in the table. */
export function exponentOf(code: string): number | null {
  return EXPONENTS.get(code) ?? null;
}
