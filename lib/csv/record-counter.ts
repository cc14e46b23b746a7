/**
 * Counts CSV records in a byte stream as it arrives, without decoding it: a line feed ends a record
 * only outside quotes. Exact for RFC 4180 output, where a quote inside a field is doubled (each
 * doubled quote toggles twice). '"' and '\n' never occur inside a UTF-8 multi-byte sequence. Isomorphic.
 */

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

export interface RecordCounter {
  /** Feeds the next bytes; returns the records completed so far (the header included). */
  push(chunk: Uint8Array): number;
  readonly records: number;
}

export function createRecordCounter(): RecordCounter {
  let records = 0;
  let quoted = false;
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i += 1) {
        const byte = chunk[i];
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === LINE_FEED && !quoted) records += 1;
      }
      return records;
    },
    get records() {
      return records;
    },
  };
}
