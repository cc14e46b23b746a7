/**
 * A zone's UTC offsets over a window of years, as the server's Intl reads them (`zoneOffsetsAround` in
 * ./zone builds it). The dashboard hands its organization zone's table to the browser, which then reads
 * offsets by arithmetic: a page that shows dates does not start the browser's ICU while it hydrates (the
 * first Intl call of a page, 25–50 ms of one task here, 100–200 ms on Lighthouse's phone). Outside the
 * window, and for a zone with no table, offsets are Intl's (./zone `offsetMs`). Isomorphic, no imports.
 */
export interface ZoneOffsets {
  readonly timeZone: string;
  /** The window, [fromMs, toMs) in epoch milliseconds. */
  readonly fromMs: number;
  readonly toMs: number;
  /** `offsets[i]` (ms ahead of UTC) holds from `starts[i]` until the next start; `starts[0]` is `fromMs`. */
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

const known = new Map<string, ZoneOffsets>();

/** Keeps a table for lookups in this process (the browser's, or the server's); the newest per zone wins. */
export function rememberZoneOffsets(table: ZoneOffsets): void {
  if (known.get(table.timeZone) !== table) known.set(table.timeZone, table);
}

/** The offset of `timeZone` at an instant from a kept table, or undefined when none covers it. */
export function knownOffsetMs(epochMs: number, timeZone: string): number | undefined {
  const table = known.get(timeZone);
  if (!table || !(epochMs >= table.fromMs && epochMs < table.toMs)) return undefined;
  const { starts, offsets } = table;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= epochMs) low = middle;
    else high = middle - 1;
  }
  return offsets[low];
}

/** Tests only: forgets every kept table. */
export function forgetZoneOffsets(): void {
  known.clear();
}
