import type { ProviderPage } from '@/lib/domain/transaction';
import type { WalkSource } from '@/lib/paging/walk';

/** Every row of a newest-first provider list that the source keeps, page by page, to the end of the view. */

export interface Sifted<T> {
  readonly kept: T[];
  /** Where the view continues; null when it ends on this page. */
  readonly next: string | null;
}

/** The page's kept rows; the page itself is not held on to. `onNextCursor` hears the provider's cursor early. */
export async function fetchKept<T>(source: WalkSource<T>, cursor: string | null, onNextCursor?: (next: string | null) => void): Promise<Sifted<T>> {
  const page: ProviderPage<T> = await source.fetchPage(cursor, onNextCursor);
  const kept: T[] = [];
  for (const row of page.items) {
    const verdict = source.classify(row);
    if (verdict === 'older') return { kept, next: null };
    if (verdict === 'keep') kept.push(row);
  }
  return { kept, next: page.nextCursor };
}

/** A page's kept rows as the bytes they became, their count and the last (oldest) of them. */
export interface SiftedBytes<T> {
  readonly parts: Buffer[];
  readonly count: number;
  readonly last: T | null;
  readonly next: string | null;
}

/**
 * The page's kept rows encoded as they are read, `slice` rows at a time: no page of rows is held, only the
 * bytes and the few rows of the slice being filled (so rows die young instead of outliving a page's download).
 * Null when the source cannot hand rows over as it reads them (fetchKept then).
 */
export async function fetchKeptEncoded<T>(
  source: WalkSource<T>,
  cursor: string | null,
  encode: (rows: readonly T[]) => Buffer[],
  slice: number,
  onNextCursor?: (next: string | null) => void,
): Promise<SiftedBytes<T> | null> {
  if (!source.fetchPageInto) return null;
  let parts: Buffer[] = [];
  let batch: T[] = [];
  let count = 0;
  let last: T | null = null;
  let ended = false;
  const page = await source.fetchPageInto(
    cursor,
    {
      restart() {
        parts = [];
        batch = [];
        count = 0;
        last = null;
        ended = false;
      },
      add(row) {
        if (ended) return;
        const verdict = source.classify(row);
        // The view ends at its first older row, as in fetchKept; the rest of the page is read and dropped.
        if (verdict === 'older') ended = true;
        if (verdict !== 'keep') return;
        batch.push(row);
        count += 1;
        last = row;
        if (batch.length >= slice) {
          parts.push(...encode(batch));
          batch = [];
        }
      },
    },
    onNextCursor,
  );
  if (batch.length > 0) parts.push(...encode(batch));
  return { parts, count, last, next: ended ? null : page.nextCursor };
}

export interface PagesAheadOptions {
  /** The first page's cursor (null: the list's first page). */
  readonly cursor: string | null;
  /** Pages requested ahead of the one the reader holds, waiting or in flight. */
  readonly ahead: number;
  readonly signal?: AbortSignal;
}

/** A page of the view, in whatever form the reader takes it, and where the view continues (null: it ends here). */
export interface Paged {
  readonly next: string | null;
}

/** Fetches the page at `cursor`; calls `early` with the next page's cursor as soon as the provider names it, if it can. */
export type PageFetch<P extends Paged> = (cursor: string | null, early: (next: string | null) => void) => Promise<P>;

/**
 * The view's pages from `cursor` on, fetched ahead of the reader: a page is requested as soon as its cursor is
 * known (from the provider's headers, or once the page before it is read) while fewer than `ahead` pages wait
 * unread. So a walk runs at the provider's pace, not at the sum of fetching, parsing and writing, and holds at
 * most `ahead` + 1 pages; a reader that stalls or stops stops the paging `ahead` pages on at most. A view that
 * ends inside a page (a date range) may have asked for one page past its end, which is dropped.
 */
export function pagesAhead<P extends Paged>(fetchPage: PageFetch<P>, options: PagesAheadOptions): AsyncIterableIterator<P> {
  const waiting: Promise<P>[] = [];
  /** The cursor of the next page to request; undefined while not yet known. */
  let cursor: string | null | undefined = options.cursor;
  let started = false;
  let stopped = false;
  const done = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });

  const pump = () => {
    while (started && !stopped && cursor !== undefined && waiting.length < options.ahead) {
      const at: string | null = cursor;
      cursor = undefined;
      let told = false;
      const tell = (next: string | null) => {
        if (told) return;
        told = true;
        // The end of the list, or a provider repeating its cursor (the page then fails, below).
        if (next === null || next === at) stopped = stopped || next === null;
        else cursor = next;
        // Told from inside fetchPage (before this page is queued) or later: either way in order.
        queueMicrotask(pump);
      };
      const page = fetchPage(at, tell).then((sifted) => {
        if (sifted.next !== null && sifted.next === at) throw new Error('The provider returned the same page cursor twice.');
        tell(sifted.next);
        return sifted;
      });
      page.catch(() => undefined);
      waiting.push(page);
    }
  };
  const stop = () => {
    stopped = true;
    waiting.length = 0;
  };

  const iterator: AsyncIterableIterator<P> = {
    async next() {
      if (options.signal?.aborted) {
        stop();
        throw options.signal.reason;
      }
      if (!started) {
        started = true;
        pump();
      }
      const page = waiting.shift();
      if (!page) return done();
      let sifted: P;
      try {
        sifted = await page;
      } catch (error) {
        stop();
        throw error;
      }
      // The view ends here: a page already asked for past its end is dropped.
      if (sifted.next === null) stop();
      else pump();
      return { done: false, value: sifted };
    },
    async return() {
      stop();
      return done();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
