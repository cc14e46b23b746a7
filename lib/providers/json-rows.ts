import 'server-only';
import { JsonSyntaxError } from './json';

/**
 * A JSON body read as it arrives, with one top-level array handed out element by element: for
 * `{"transactions":[{...},{...}]}` and key "transactions", the elements are parsed (JSON.parse, a few dozen
 * kilobytes of them at a time) and given to `onRow` as they arrive, and the rest of the body (the envelope)
 * is parsed at the end with that array left empty. So a page of megabytes never exists as one string or as
 * one array of objects; only the few rows being read do.
 *
 * Correctness rests on one split: the body is the envelope with `[e0,e1,...]` in place of its `[]`, the
 * separators exactly commas and whitespace. The envelope and every batch of elements (as `[e1,e2,...]`) go
 * through JSON.parse, so the body is accepted exactly when JSON.parse would accept it whole; the one
 * exception, the key twice, is refused.
 * The scanner below only has to find the split: it follows strings (quotes, backslashes) and bracket depth,
 * bytes at a time, and never recurses, so no input makes it deep or slow; a chunk may end anywhere, even
 * inside a multi-byte character (elements are decoded from their whole bytes).
 */

/** The rows key appears more than once (JSON.parse would keep the last; a stream has handed out the first). */
export class JsonRowsDuplicateKey extends Error {
  override readonly name = 'JsonRowsDuplicateKey';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/**
 * Bytes of elements parsed together: far below the size V8 allocates straight in its old generation
 * (a string of them, even of two-byte characters, stays young), and many rows per JSON.parse call.
 */
const BATCH_BYTES = 32 * 1_024;
/** A key longer than this cannot be the rows key; its bytes are not kept. */
const MAX_KEY_BYTES = 1_024;

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The index of `byte` in the chunk from `from` on; the chunk's length when it is not there. */
function indexIn(chunk: Buffer, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from);
  return at === -1 ? chunk.length : at;
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

export interface JsonRowsReader {
  /** The next bytes of the body; throws JsonSyntaxError (or what `onRow` throws) as soon as it is known. */
  write(chunk: Uint8Array): void;
  /** The envelope, parsed, with the rows array (when there was one) empty; throws JsonSyntaxError. */
  end(): unknown;
  /** Elements handed out so far. */
  readonly rows: number;
}

export function jsonRowsReader(key: string, onRow: (value: unknown, index: number) => void): JsonRowsReader {
  const envelope: Buffer[] = [];
  /**
   * Complete elements (with the commas between them) not parsed yet: earlier chunks' bytes here, this chunk's
   * from `start`. Parsing them together costs less than one JSON.parse each, and the batch stays small.
   */
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let batchRows = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** 0: nothing yet, 1: the body is an object, 2: something else. */
  let top = 0;
  let inRows = false;
  let rowsSeen = false;
  let hasContent = false;
  let index = 0;
  /** Bytes of earlier chunks, for error positions. */
  let offset = 0;
  // A key of the top-level object: capturing it, then waiting for its colon, then for its value.
  let expectKey = false;
  let readingKey = false;
  /** The key's bytes so far; null once it is too long to be the rows key. */
  let keyParts: Buffer[] | null = null;
  let keyBytes = 0;
  let keyStart = 0;
  let afterKey = false;
  let afterColon = false;
  let isRowsKey = false;

  const parse = (text: string, at: number): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new JsonSyntaxError(error instanceof Error ? error.message : 'Invalid JSON', at);
    }
  };

  /** An array of complete elements: parsed at once, and handed out one by one. */
  const flush = (chunk: Buffer, start: number, end: number): void => {
    let text: string;
    if (batch.length === 0) text = chunk.toString('utf8', start, end);
    else {
      batch.push(chunk.subarray(start, end));
      text = Buffer.concat(batch).toString('utf8');
      batch = [];
    }
    batchBytes = 0;
    batchRows = 0;
    const values = parse(`[${text}]`, offset + end) as unknown[];
    for (const value of values) {
      onRow(value, index);
      index += 1;
    }
  };

  /** An element ends at `end` (its comma, or the list's `]`); true when the batch was parsed (the next starts after `end`). */
  const endElement = (chunk: Buffer, start: number, end: number, closing: boolean): boolean => {
    if (!hasContent) {
      // `[ ]` is an empty list; a comma without a value before it, or after the last, is not JSON.
      if (!closing || batchRows > 0 || index > 0) throw new JsonSyntaxError('Expected a value in the array', offset + end);
      batch = [];
      batchBytes = 0;
      return true;
    }
    hasContent = false;
    batchRows += 1;
    if (!closing && batchBytes + (end - start) < BATCH_BYTES) return false;
    flush(chunk, start, end);
    return true;
  };

  const finishKey = (chunk: Buffer, end: number): void => {
    readingKey = false;
    afterKey = true;
    isRowsKey = false;
    if (keyParts === null) return;
    keyParts.push(chunk.subarray(keyStart, end));
    const raw = Buffer.concat(keyParts).toString('utf8');
    keyParts = null;
    try {
      isRowsKey = JSON.parse(raw) === key;
    } catch {
      // A malformed key: the envelope's JSON.parse reports it.
    }
  };

  return {
    get rows() {
      return index;
    },
    write(input) {
      const chunk = asBuffer(input);
      const length = chunk.length;
      /** Where the current piece (of the envelope, or of an element) starts in this chunk. */
      let start = 0;
      /** The next backslash at or after `i` (length: none); found once, not at every string. */
      let backslash = -1;
      for (let i = 0; i < length; i++) {
        if (inString) {
          if (escaped) {
            escaped = false;
            continue;
          }
          // Most of a body is string contents: jump to the string's end (or its next escape) natively.
          if (backslash < i) backslash = indexIn(chunk, BACKSLASH, i);
          const quote = indexIn(chunk, QUOTE, i);
          if (backslash < quote) {
            i = backslash;
            escaped = true;
          } else {
            i = quote;
            if (quote < length) {
              inString = false;
              if (readingKey) finishKey(chunk, i + 1);
            }
          }
          continue;
        }
        const byte = chunk[i]!;
        if (isSpace(byte)) continue;
        if (inRows) {
          if (depth === 2 && byte === COMMA) {
            if (endElement(chunk, start, i, false)) start = i + 1;
            continue;
          }
          if (depth === 2 && byte === CLOSE_ARRAY) {
            endElement(chunk, start, i, true);
            inRows = false;
            depth = 1;
            // The envelope resumes with this `]`.
            start = i;
            continue;
          }
          hasContent = true;
          if (byte === QUOTE) inString = true;
          else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth += 1;
          else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth -= 1;
          continue;
        }
        // The envelope. At depth 1 of a top-level object: key, colon, value, comma, key...
        if (depth === 1 && top === 1) {
          if (afterColon) {
            afterColon = false;
            if (isRowsKey && byte === OPEN_ARRAY) {
              if (rowsSeen) throw new JsonRowsDuplicateKey(`The "${key}" key appears twice`);
              rowsSeen = true;
              inRows = true;
              depth = 2;
              envelope.push(chunk.subarray(start, i + 1));
              start = i + 1;
              continue;
            }
          } else if (afterKey) {
            afterKey = false;
            afterColon = byte === COLON;
            if (afterColon) continue;
          } else if (expectKey && byte === QUOTE) {
            expectKey = false;
            inString = true;
            readingKey = true;
            keyStart = i;
            keyBytes = 0;
            keyParts = [];
            continue;
          }
          if (byte === COMMA) {
            expectKey = true;
            continue;
          }
        }
        // (A byte order mark's bytes, all above ASCII, come before the body's first character.)
        if (depth === 0 && top === 0 && byte < 0x80) top = byte === OPEN_OBJECT ? 1 : 2;
        if (byte === QUOTE) inString = true;
        else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
          depth += 1;
          if (depth === 1 && top === 1) expectKey = true;
        } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth -= 1;
      }
      // The rest of the chunk belongs to what is being read: a key, an element or the envelope.
      if (readingKey) {
        keyBytes += length - keyStart;
        if (keyBytes > MAX_KEY_BYTES) keyParts = null;
        else keyParts?.push(chunk.subarray(keyStart));
        keyStart = 0;
      }
      if (start < length) {
        if (inRows) {
          batch.push(chunk.subarray(start));
          batchBytes += length - start;
        } else envelope.push(chunk.subarray(start));
      }
      offset += length;
    },
    end() {
      if (inRows || inString || depth !== 0) throw new JsonSyntaxError('Unexpected end of JSON input', offset);
      // TextDecoder drops a leading byte order mark, as Response.text() does.
      return parse(new TextDecoder().decode(Buffer.concat(envelope)), 0);
    },
  };
}
