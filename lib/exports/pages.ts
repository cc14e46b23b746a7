import type { ProviderPage } from '@/lib/domain/transaction';
import type { WalkSource } from '@/lib/paging/walk';

/**
 * Every row of a newest-first provider list that the source keeps, page by page, from the first page
 * to the end of the view. When the caller takes a page, the next one is requested at once, so the
 * caller's work on this page overlaps the provider's on the next; nothing further is requested until
 * the caller asks again. A stalled or cancelled caller therefore stops the paging one page ahead at most.
 */

export interface PageCounter {
  /** Provider pages received so far. */
  pages: number;
  /** Rows of the view handed out so far. */
  rows: number;
}

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

/**
 * A plain iterator rather than a generator: a generator suspended at `yield` keeps the page it handed
 * out reachable until it is resumed, that is while the next page is fetched and parsed; this one holds
 * only the cursor and the page being fetched.
 */
export function exportPages<T>(source: WalkSource<T>, counter: PageCounter = { pages: 0, rows: 0 }): AsyncIterableIterator<T[], void, undefined> {
  let cursor: string | null = null;
  /** The page being fetched; undefined before the first request, null once the view has ended. */
  let pending: Promise<Sifted<T>> | null | undefined;
  const done = (): IteratorReturnResult<void> => ({ done: true, value: undefined });
  const iterator: AsyncIterableIterator<T[], void, undefined> = {
    async next() {
      if (pending === undefined) pending = fetchKept(source, null);
      if (pending === null) return done();
      let sifted: Sifted<T>;
      try {
        sifted = await pending;
      } catch (error) {
        pending = null;
        throw error;
      }
      counter.pages += 1;
      counter.rows += sifted.kept.length;
      if (sifted.next !== null && sifted.next === cursor) {
        pending = null;
        throw new Error('The provider returned the same page cursor twice.');
      }
      cursor = sifted.next;
      pending = cursor === null ? null : fetchKept(source, cursor);
      pending?.catch(() => undefined);
      return { done: false, value: sifted.kept };
    },
    async return() {
      pending = null;
      return done();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
