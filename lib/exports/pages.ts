import type { ProviderPage } from '@/lib/domain/transaction';
import type { WalkSource } from '@/lib/transactions/walk';

/**
 * Every row of a newest-first provider list that the source keeps, page by page, from the first page
 * to the end of the view. When the caller takes a page, the next one is requested at once, so the
 * caller's work on this page overlaps the provider's on the next; nothing further is requested until
 * the caller asks again. A stalled or cancelled caller therefore stops the paging one page ahead at most.
 */

export interface PageCounter {
  /** Provider pages received so far. */
  pages: number;
}

interface Sifted<T> {
  readonly kept: T[];
  /** Where the view continues; null when it ends on this page. */
  readonly next: string | null;
}

/** The page's kept rows; the page itself is not held on to. */
async function fetchKept<T>(source: WalkSource<T>, cursor: string | null): Promise<Sifted<T>> {
  const page: ProviderPage<T> = await source.fetchPage(cursor);
  const kept: T[] = [];
  for (const row of page.items) {
    const verdict = source.classify(row);
    if (verdict === 'older') return { kept, next: null };
    if (verdict === 'keep') kept.push(row);
  }
  return { kept, next: page.nextCursor };
}

export async function* exportPages<T>(source: WalkSource<T>, counter: PageCounter = { pages: 0 }): AsyncGenerator<T[], void, undefined> {
  let cursor: string | null = null;
  let pending = fetchKept(source, cursor);
  for (;;) {
    const { kept, next }: Sifted<T> = await pending;
    counter.pages += 1;
    if (next !== null && next === cursor) throw new Error('The provider returned the same page cursor twice.');
    if (next !== null) {
      cursor = next;
      pending = fetchKept(source, next);
      pending.catch(() => undefined);
    }
    yield kept;
    if (next === null) return;
  }
}
