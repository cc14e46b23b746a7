import { currencyExponent, type CurrencyCode } from './currencies';

/** An exact amount: integer minor units of one currency. */
export interface Money {
  readonly minor: bigint;
  readonly currency: CurrencyCode;
}

export class MoneyParseError extends Error {
  override readonly name = 'MoneyParseError';
  constructor(readonly input: string, readonly currency: string, reason: string) {
    super(`"${input}" is not a valid ${currency} amount: ${reason}`);
  }
}

export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  constructor(a: string, b: string) {
    super(`Cannot combine ${a} with ${b}`);
  }
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a provider decimal string ("1000", "-0.76", "1200.00") into minor units.
 * Fraction digits beyond the currency's exponent are accepted only when they are zeros,
 * so nothing is ever rounded silently.
 */
export function parseMoney(input: string, currency: CurrencyCode): Money {
  const match = DECIMAL.exec(input.trim());
  if (!match) throw new MoneyParseError(input, currency, 'not a decimal number');
  const [, sign, whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const kept = fraction.slice(0, exponent);
  const dropped = fraction.slice(exponent);
  if (/[^0]/.test(dropped)) {
    throw new MoneyParseError(input, currency, `${currency} has ${exponent} decimal places`);
  }
  const digits = whole + kept.padEnd(exponent, '0');
  const magnitude = BigInt(digits);
  return { minor: sign === '-' ? -magnitude : magnitude, currency };
}

/** Exact decimal string in major units with the currency's exponent ("-0.76", "1200"). */
export function toDecimalString(money: Money): string {
  const exponent = currencyExponent(money.currency);
  const negative = money.minor < 0n;
  const digits = (negative ? -money.minor : money.minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

export function zero(currency: CurrencyCode): Money {
  return { minor: 0n, currency };
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return { minor: a.minor + b.minor, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  return add(a, negate(b));
}

export function negate(a: Money): Money {
  return { minor: -a.minor, currency: a.currency };
}

export function sum(amounts: Iterable<Money>, currency: CurrencyCode): Money {
  let total = zero(currency);
  for (const amount of amounts) total = add(total, amount);
  return total;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}
