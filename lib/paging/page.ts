import 'server-only';
import { ApiError } from '@/lib/http/api-error';
import type { KeptDaysStore } from '@/lib/kept-days/store';
import { cursorCodec, type CursorCodec, type CursorScope, type CursorState } from './cursor';
import { HEAD, type WalkBudget, type WalkResult } from './walk';

/** What every walked list accepts besides its query. */
export interface ListOptions {
  /** The organization's zone for cutting dates when the query names none; UTC otherwise. */
  readonly timeZone?: string;
  readonly signal?: AbortSignal;
  readonly budget?: Partial<WalkBudget>;
  readonly codec?: CursorCodec;
  /** Kept days whose row ids let a date-filtered walk start near the range's end (`since_id`); absent: from the top. */
  readonly keptDays?: KeptDaysStore;
  /** Today's date in the zone comes from it (days of the settle window are never kept); the clock's now unless given. */
  readonly now?: Date;
}

export interface PageMeta {
  readonly nextCursor: string | null;
  readonly previousCursor: string | null;
  readonly searching: boolean;
  readonly scannedRows: number;
  readonly providerPages: number;
}

/** Where a request starts: the app cursor's position, or the first page. */
export function startState(codec: CursorCodec, scope: CursorScope, token: string | undefined): CursorState {
  return token === undefined ? { direction: 'next', position: HEAD } : codec.decode(scope, token);
}

/** The result's positions as app cursors bound to this view. */
export function pageMeta<T>(codec: CursorCodec, scope: CursorScope, result: WalkResult<T>): PageMeta {
  return {
    nextCursor: result.next && codec.encode(scope, { direction: 'next', position: result.next }),
    previousCursor: result.previous && codec.encode(scope, { direction: 'previous', position: result.previous }),
    searching: result.searching,
    scannedRows: result.scannedRows,
    providerPages: result.providerPages,
  };
}

export function resolveCodec(options: ListOptions): CursorCodec {
  return options.codec ?? cursorCodec();
}

/** The query's page size exceeds what this provider serves in one page. */
export function checkLimit(limit: number, maxPageSize: number, providerName: string): void {
  if (limit > maxPageSize) {
    throw new ApiError(
      400,
      'invalid_parameter',
      `Invalid query parameter "limit": must be at most ${maxPageSize} for ${providerName}.`,
    );
  }
}

/** Rows scanned per provider page when filtering here: fewer round trips than small pages. */
export const SCAN_PAGE_SIZE = 2_500;

/** Unfiltered, a page is one provider page of `limit` rows; filtered, larger pages are scanned. */
export function providerPageSize(limit: number, filteredHere: boolean, maxPageSize: number): number {
  return Math.min(filteredHere ? Math.max(limit, SCAN_PAGE_SIZE) : limit, maxPageSize);
}
