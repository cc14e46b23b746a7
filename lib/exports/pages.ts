import { Readable } from 'node:stream';
import type { ProviderPage } from '@/lib/domain/transaction';
import type { WalkSource } from '@/lib/transactions/walk';

/** Every row of a newest-first provider list that the source keeps, page by page, to the end of the view. */

export interface Sifted<T> {
  readonly kept: T[];
  /** Where the view continues; null when it ends on this page. */
  readonly next: string | null;
}

/** The page's kept rows; the page itself is not held on to. */
export async function fetchKept<T>(source: WalkSource<T>, cursor: string | null): Promise<Sifted<T>> {
  const page: ProviderPage<T> = await source.fetchPage(cursor);
  const kept: T[] = [];
  for (const row of page.items) {
    const verdict = source.classify(row);
    if (verdict === 'older') return { kept, next: null };
    if (verdict === 'keep') kept.push(row);
  }
  return { kept, next: page.nextCursor };
}

export interface PagesAheadOptions {
  /** The first page's cursor (null: the list's first page). */
  readonly cursor: string | null;
  /** Pages requested ahead of the one the reader holds, waiting or in flight. */
  readonly ahead: number;
  readonly signal?: AbortSignal;
}

/**
 * The view's pages from `cursor` on, fetched ahead of the reader: each request goes out as soon as the page
 * before it has answered (its cursor is in it) while fewer than `ahead` pages wait unread. So a walk runs at
 * the provider's pace, not at the sum of fetching and writing, and holds at most `ahead` + 1 pages; a reader
 * that stalls or stops stops the paging `ahead` pages on at most.
 */
export function pagesAhead<T>(fetchPage: (cursor: string | null) => Promise<Sifted<T>>, options: PagesAheadOptions): AsyncIterableIterator<Sifted<T>> {
  let cursor = options.cursor;
  const stream = new Readable({
    objectMode: true,
    highWaterMark: options.ahead,
    signal: options.signal,
    read() {
      fetchPage(cursor)
        .then((page) => {
          if (page.next !== null && page.next === cursor) throw new Error('The provider returned the same page cursor twice.');
          cursor = page.next;
          this.push(page);
          if (cursor === null) this.push(null);
        })
        .catch((error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))));
    },
  });
  // Readable's iterator is untyped: every value pushed above is a Sifted<T>.
  return stream.iterator({ destroyOnReturn: true }) as AsyncIterableIterator<Sifted<T>>;
}
