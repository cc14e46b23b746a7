import 'server-only';

/** A JSON number kept as its source text, so no digit is lost to a float. */
export class JsonNumber {
  /** The same value as a plain decimal ("1e3" → "1000", "-1.5E-2" → "-0.015"). */
  readonly decimal: string;
  constructor(readonly source: string) {
    this.decimal = toPlainDecimal(source);
  }
  toString(): string {
    return this.source;
  }
}

export type LosslessJson = null | boolean | string | JsonNumber | LosslessJson[] | { [key: string]: LosslessJson };

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(reason: string, readonly position: number) {
    super(`${reason} at position ${position}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;
const MAX_DEPTH = 256;
// Exponents beyond this would expand into absurdly long strings; no amount needs them.
const MAX_EXPONENT = 400;

function toPlainDecimal(source: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(source);
  if (!match) throw new JsonSyntaxError('Invalid number', 0);
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  if (exponentText === undefined) return source;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > MAX_EXPONENT) throw new JsonSyntaxError('Number exponent out of range', 0);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + plain.replace(/^0+(?=\d)/, '');
}

/** Parses JSON like JSON.parse, except that numbers become JsonNumber with their exact text. */
export function parseJsonLossless(text: string): LosslessJson {
  let pos = 0;

  const skip = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const token = (pattern: RegExp): string | null => {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (!match) return null;
    pos = pattern.lastIndex;
    return match[0];
  };
  const expect = (char: string) => {
    if (text[pos] !== char) throw new JsonSyntaxError(`Expected "${char}"`, pos);
    pos++;
  };
  const string = (): string => {
    const raw = token(STRING);
    if (raw === null) throw new JsonSyntaxError('Invalid string', pos);
    return JSON.parse(raw) as string;
  };

  const value = (depth: number): LosslessJson => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError('Nesting too deep', pos);
    skip();
    const char = text[pos];
    if (char === '"') return string();
    if (char === '{') return object(depth);
    if (char === '[') return array(depth);
    for (const [word, literal] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return literal;
      }
    }
    const number = token(NUMBER);
    if (number === null) throw new JsonSyntaxError('Unexpected token', pos);
    try {
      return new JsonNumber(number);
    } catch {
      throw new JsonSyntaxError('Number out of range', pos);
    }
  };

  /** `open` item (`,` item)* `close`: the members of an object or the elements of an array. */
  const items = (open: string, close: string, item: () => void): void => {
    expect(open);
    skip();
    if (text[pos] === close) {
      pos++;
      return;
    }
    for (;;) {
      item();
      skip();
      if (text[pos] === close) {
        pos++;
        return;
      }
      expect(',');
    }
  };

  const object = (depth: number): { [key: string]: LosslessJson } => {
    const result: { [key: string]: LosslessJson } = {};
    items('{', '}', () => {
      skip();
      const key = string();
      skip();
      expect(':');
      // defineProperty so a "__proto__" key stays data instead of changing the prototype.
      Object.defineProperty(result, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
    });
    return result;
  };

  const array = (depth: number): LosslessJson[] => {
    const result: LosslessJson[] = [];
    items('[', ']', () => result.push(value(depth + 1)));
    return result;
  };

  const result = value(0);
  skip();
  if (pos !== text.length) throw new JsonSyntaxError('Unexpected data after JSON', pos);
  return result;
}
