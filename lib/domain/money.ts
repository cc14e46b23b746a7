import { currencyExponent, type CurrencyCode } from './currencies';

/** An exact amount: integer minor units of one currency. */
export interface Money {
  readonly minor: bigint;
  readonly currency: CurrencyCode;
}

/**
 * Amounts are made with `new`, not as object literals. V8 watches where literals are allocated, and when
 * nearly every object from one place outlives a young-generation collection (a page of transactions
 * does while it is being written out) it allocates all later ones straight into the old generation. A
 * million-row export then filled the old generation with short-lived amounts and rows: about 440 MB moved
 * to the old generation instead of about 55 MB (--trace-gc-nvp on the server during the export of
 * scripts/bench-export.ts). Objects made by a constructor are not pretenured that way.
 */
class Amount implements Money {
  constructor(
    readonly minor: bigint,
    readonly currency: CurrencyCode,
  ) {}
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

const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
/** Minor units of up to this many digits are accumulated in a double, which holds them exactly (< 2^53). */
const EXACT_DIGITS = 15;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function digitsEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && isDigit(text.charCodeAt(at))) at += 1;
  return at;
}

/**
 * Parses a provider decimal string ("1000", "-0.76", "1200.00") into minor units: an optional sign,
 * ASCII digits, and optionally a point followed by digits. Fraction digits beyond the currency's
 * exponent are accepted only when they are zeros, so nothing is ever rounded silently.
 * It scans the characters once: exports parse millions of amounts, and a regex match allocates.
 */
export function parseMoney(input: string, currency: CurrencyCode): Money {
  const exponent = currencyExponent(currency);
  const text = input.trim();
  const first = text.charCodeAt(0);
  const wholeStart = first === PLUS || first === MINUS ? 1 : 0;
  const wholeEnd = digitsEnd(text, wholeStart);
  let fractionStart = wholeEnd;
  let fractionEnd = wholeEnd;
  if (wholeEnd < text.length && text.charCodeAt(wholeEnd) === DOT) {
    fractionStart = wholeEnd + 1;
    fractionEnd = digitsEnd(text, fractionStart);
    if (fractionEnd === fractionStart) fractionStart = fractionEnd = -1;
  }
  if (wholeEnd === wholeStart || fractionEnd !== text.length) throw new MoneyParseError(input, currency, 'not a decimal number');
  const keptEnd = Math.min(fractionEnd, fractionStart + exponent);
  for (let at = keptEnd; at < fractionEnd; at += 1) {
    if (text.charCodeAt(at) !== ZERO) throw new MoneyParseError(input, currency, `${currency} has ${exponent} decimal places`);
  }
  const magnitude =
    wholeEnd - wholeStart + exponent <= EXACT_DIGITS
      ? BigInt(smallMinorUnits(text, wholeStart, wholeEnd, fractionStart, keptEnd, exponent))
      : BigInt(text.slice(wholeStart, wholeEnd) + text.slice(fractionStart, keptEnd).padEnd(exponent, '0'));
  return new Amount(first === MINUS ? -magnitude : magnitude, currency);
}

/** The digits as an integer number of minor units; exact because there are at most EXACT_DIGITS of them. */
function smallMinorUnits(text: string, wholeStart: number, wholeEnd: number, fractionStart: number, keptEnd: number, exponent: number): number {
  let units = 0;
  for (let at = wholeStart; at < wholeEnd; at += 1) units = units * 10 + (text.charCodeAt(at) - ZERO);
  for (let at = fractionStart; at < keptEnd; at += 1) units = units * 10 + (text.charCodeAt(at) - ZERO);
  for (let place = keptEnd - fractionStart; place < exponent; place += 1) units *= 10;
  return units;
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
  return new Amount(0n, currency);
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return new Amount(a.minor + b.minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  return add(a, negate(b));
}

export function negate(a: Money): Money {
  return new Amount(-a.minor, a.currency);
}

export function sum(amounts: Iterable<Money>, currency: CurrencyCode): Money {
  let total = zero(currency);
  for (const amount of amounts) total = add(total, amount);
  return total;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}
