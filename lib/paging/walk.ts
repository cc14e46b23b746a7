import type { ProviderPage, RowSink } from '@/lib/domain/transaction';

/**
 * Paging over a newest-first provider list that the provider cannot filter as asked: walks its pages,
 * keeps matching rows, and bounds the work per request. Pure: the provider is behind `WalkSource`.
 */

/** `index` value meaning "after the page's last row" (a backward walk then starts with the whole page). */
export const END = -1;

/** A row of the provider's list: the page its cursor names (null = first page) and the row's index in it. */
export interface WalkPosition {
  readonly cursor: string | null;
  readonly index: number;
  /** Id of the row expected at `index`, to find it again when new rows shifted the page. */
  readonly anchorId?: string;
}

export const HEAD: WalkPosition = { cursor: null, index: 0 };

/** keep/skip: inside the view or not; newer/older: beyond its end or its start (newest-first order). */
export type RowVerdict = 'keep' | 'skip' | 'newer' | 'older';

export interface WalkSource<T> {
  /** One provider page; the first page (cursor null) carries the provider-side filters. */
  fetchPage(cursor: string | null, onNextCursor?: (next: string | null) => void): Promise<ProviderPage<T>>;
  /**
   * The same page, its rows handed to `sink` as they are read (see TransactionsApi.listTransactionsInto) and
   * none collected; absent where the provider's client cannot.
   */
  fetchPageInto?(cursor: string | null, sink: RowSink<T>, onNextCursor?: (next: string | null) => void): Promise<ProviderPage<never>>;
  idOf(row: T): string;
  classify(row: T): RowVerdict;
  /** Whether classify can reject rows; only then is it worth reading ahead to know if a page is the first. */
  readonly filtersLocally: boolean;
}

export interface WalkBudget {
  readonly maxProviderPages: number;
  /** No further page is requested after this long; a page in flight is awaited. */
  readonly timeBudgetMs: number;
}

export const DEFAULT_WALK_BUDGET: WalkBudget = { maxProviderPages: 8, timeBudgetMs: 3_000 };

export interface WalkRequest {
  /** next: the page starting at `position`; previous: the page ending just before it. */
  readonly direction: 'next' | 'previous';
  readonly position: WalkPosition;
  readonly limit: number;
  readonly budget?: Partial<WalkBudget>;
  readonly now?: () => number;
}

export interface WalkResult<T> {
  /** Newest first. */
  readonly items: T[];
  /** Where the following page starts; null at the end of the view. */
  readonly next: WalkPosition | null;
  /** The walk backward from here gives the page before; null at the start of the view. */
  readonly previous: WalkPosition | null;
  /** The budget ran out before `limit` rows were found: more may follow at `next` (or `previous`). */
  readonly searching: boolean;
  readonly scannedRows: number;
  readonly providerPages: number;
}

class Meter<T> {
  pages = 0;
  rows = 0;
  private readonly started: number;
  private readonly budget: WalkBudget;

  constructor(
    readonly source: WalkSource<T>,
    budget: Partial<WalkBudget> | undefined,
    private readonly now: () => number,
  ) {
    this.budget = { ...DEFAULT_WALK_BUDGET, ...budget };
    this.started = now();
  }

  fetch(cursor: string | null): Promise<ProviderPage<T>> {
    this.pages += 1;
    return this.source.fetchPage(cursor);
  }

  spent(): boolean {
    return this.pages >= this.budget.maxProviderPages || this.now() - this.started >= this.budget.timeBudgetMs;
  }

  result(fields: Pick<WalkResult<T>, 'items' | 'next' | 'previous' | 'searching'>): WalkResult<T> {
    return { ...fields, scannedRows: this.rows, providerPages: this.pages };
  }
}

function at<T>(source: WalkSource<T>, page: ProviderPage<T>, cursor: string | null, index: number): WalkPosition {
  const row = index > 0 ? page.items[index] : undefined;
  return row === undefined ? { cursor, index } : { cursor, index, anchorId: source.idOf(row) };
}

/** The position's index in the page as fetched now: the anchor row's index if it moved. */
function resolveIndex<T>(source: WalkSource<T>, page: ProviderPage<T>, position: WalkPosition): number {
  const rows = page.items;
  if (position.index === END) return rows.length;
  const index = Math.min(Math.max(position.index, 0), rows.length);
  if (position.anchorId === undefined) return index;
  const expected = rows[index];
  if (expected !== undefined && source.idOf(expected) === position.anchorId) return index;
  const moved = rows.findIndex((row) => source.idOf(row) === position.anchorId);
  return moved >= 0 ? moved : index;
}

/** Whether the view has rows newer than index, as far as this page tells; unknown when newer pages exist. */
function scanBefore<T>(source: WalkSource<T>, page: ProviderPage<T>, index: number): 'yes' | 'no' | 'unknown' {
  for (let i = index - 1; i >= 0; i -= 1) {
    const row = page.items[i];
    const verdict = row === undefined ? 'skip' : source.classify(row);
    if (verdict === 'keep') return 'yes';
    if (verdict === 'newer') return 'no';
  }
  return page.previousCursor === null ? 'no' : 'unknown';
}

function continuesBefore<T>(source: WalkSource<T>, page: ProviderPage<T>, index: number): boolean {
  return scanBefore(source, page, index) !== 'no';
}

/** As continuesBefore, but reads newer pages while the budget lasts, so the first page offers no Previous. */
async function peekBefore<T>(meter: Meter<T>, page: ProviderPage<T>, index: number): Promise<boolean> {
  let answer = scanBefore(meter.source, page, index);
  let current = page;
  while (answer === 'unknown' && meter.source.filtersLocally && current.previousCursor !== null && !meter.spent()) {
    current = await meter.fetch(current.previousCursor);
    answer = scanBefore(meter.source, current, current.items.length);
  }
  return answer !== 'no';
}

/** Whether the view has rows from index on: read from this page, or assumed when the provider has older pages. */
function continuesAfter<T>(source: WalkSource<T>, page: ProviderPage<T>, index: number): boolean {
  for (let i = index; i < page.items.length; i += 1) {
    const row = page.items[i];
    const verdict = row === undefined ? 'skip' : source.classify(row);
    if (verdict === 'keep') return true;
    if (verdict === 'older') return false;
  }
  return page.nextCursor !== null;
}

async function forward<T>(
  meter: Meter<T>,
  start: { page: ProviderPage<T>; cursor: string | null; index: number },
  limit: number,
): Promise<WalkResult<T>> {
  const { source } = meter;
  const items: T[] = [];
  let { page, cursor, index } = start;
  const previous = continuesBefore(source, page, index) ? at(source, page, cursor, index) : null;
  for (;;) {
    for (let i = index; i < page.items.length; i += 1) {
      const row = page.items[i];
      if (row === undefined) continue;
      meter.rows += 1;
      const verdict = source.classify(row);
      if (verdict === 'older') return meter.result({ items, next: null, previous, searching: false });
      if (verdict !== 'keep') continue;
      items.push(row);
      if (items.length < limit) continue;
      const next = !continuesAfter(source, page, i + 1)
        ? null
        : i + 1 < page.items.length
          ? at(source, page, cursor, i + 1)
          : { cursor: page.nextCursor, index: 0 };
      return meter.result({ items, next, previous, searching: false });
    }
    if (page.nextCursor === null) return meter.result({ items, next: null, previous, searching: false });
    cursor = page.nextCursor;
    index = 0;
    if (meter.spent()) return meter.result({ items, next: { cursor, index }, previous, searching: true });
    page = await meter.fetch(cursor);
  }
}

type BackwardOutcome<T> =
  | { readonly kind: 'page'; readonly result: WalkResult<T> }
  /** The start of the view was reached with fewer than `limit` rows: the first page is shown instead. */
  | { readonly kind: 'head'; readonly page: ProviderPage<T>; readonly cursor: string | null; readonly index: number };

async function backward<T>(meter: Meter<T>, position: WalkPosition, limit: number): Promise<BackwardOutcome<T>> {
  const { source } = meter;
  const found: T[] = [];
  let cursor = position.cursor;
  let page = await meter.fetch(cursor);
  let end = resolveIndex(source, page, position);
  const next = end < page.items.length ? at(source, page, cursor, end) : position;
  const done = (previous: WalkPosition | null, searching: boolean): BackwardOutcome<T> => ({
    kind: 'page',
    result: meter.result({ items: found.reverse(), next, previous, searching }),
  });
  for (;;) {
    for (let i = end - 1; i >= 0; i -= 1) {
      const row = page.items[i];
      if (row === undefined) continue;
      meter.rows += 1;
      const verdict = source.classify(row);
      if (verdict === 'newer') return { kind: 'head', page, cursor, index: i + 1 };
      if (verdict !== 'keep') continue;
      found.push(row);
      if (found.length < limit) continue;
      return done((await peekBefore(meter, page, i)) ? at(source, page, cursor, i) : null, false);
    }
    if (page.previousCursor === null) return { kind: 'head', page, cursor, index: 0 };
    cursor = page.previousCursor;
    if (meter.spent()) return done({ cursor, index: END }, true);
    page = await meter.fetch(cursor);
    end = page.items.length;
  }
}

/** One page of the view in either direction, within the budget. */
export async function walk<T>(source: WalkSource<T>, request: WalkRequest): Promise<WalkResult<T>> {
  const meter = new Meter(source, request.budget, request.now ?? Date.now);
  const limit = Math.max(1, request.limit);
  if (request.direction === 'next') {
    const page = await meter.fetch(request.position.cursor);
    return forward(meter, { page, cursor: request.position.cursor, index: resolveIndex(source, page, request.position) }, limit);
  }
  const outcome = await backward(meter, request.position, limit);
  return outcome.kind === 'page' ? outcome.result : forward(meter, outcome, limit);
}
