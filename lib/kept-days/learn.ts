import type { KeptDay } from '@/lib/domain/kept-day';
import type { TransactionFlowRow } from '@/lib/domain/transaction';
import { dateIn, shiftDate, startOfDay } from '@/lib/time/dates';
import { DayLedger } from './ledger';

/**
 * What any walk of an account's newest-first list teaches about its closed days: a day the walk saw
 * completely (a row newer than the day, or the list's head, before it; a row older than it, or the list's
 * end, after it, within pages that follow one another) is kept exactly as the flows walk keeps it, with
 * the same DayLedger. Only walks the provider did not filter may teach: a filtered one sees some rows only.
 */

/** Days one walk may teach at most: what it writes is bounded, however sparse its rows. */
export const MAX_LEARNED_DAYS = 400;

/** Where the rows of a page asked for without a cursor begin. */
export type ListStart =
  /** The list's newest row: nothing is newer. */
  | { readonly kind: 'head' }
  /** Just after a row of this time (`since_id`): every row that follows is older. */
  | { readonly kind: 'after'; readonly atMs: number };

/** A walk's last day, seen from its newest row but not yet to its oldest: the walk going on at `cursor` may finish it. */
export interface OpenStretch {
  readonly cursor: string;
  readonly timeZone: string;
  readonly open: OpenDay;
}

interface OpenDay {
  readonly day: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly ledger: DayLedger;
  /** Whether every row of the day newer than the first one seen was seen too. */
  readonly topSeen: boolean;
}

export class DayLearner {
  private readonly learned: KeptDay[] = [];
  /** Runs of days without rows [from, to], settled ones only: kept after the days with rows, as far as the bound allows. */
  private readonly gaps: [string, string][] = [];
  private open: OpenDay | null = null;
  /** The rows of a page that does not follow the last one start a new stretch, from this top. */
  private top: ListStart | null = null;
  private lastNext: string | null = null;
  private broken = false;
  private full = false;

  constructor(
    readonly timeZone: string,
    /** The newest day that may be kept (lastKeepableDay of today in the zone). */
    readonly lastKeepable: string,
    private readonly maxDays: number = MAX_LEARNED_DAYS,
  ) {}

  /**
   * A provider page the walk read, in the order it read them: `cursor` is what it was asked with (null: the
   * list's first page, beginning at `start`); `nextCursor` null means the list ends with this page.
   */
  page(cursor: string | null, start: ListStart, page: { readonly items: readonly TransactionFlowRow[]; readonly nextCursor: string | null }): void {
    if (this.broken || this.full) return;
    if (cursor === null || cursor !== this.lastNext) {
      // Not the page after the last one: what was open cannot be finished, and this page's top is known only at the list's start.
      this.open = null;
      this.top = cursor === null ? start : null;
    }
    for (const row of page.items) {
      this.row(row);
      if (this.broken || this.full) return;
    }
    this.lastNext = page.nextCursor;
    if (page.nextCursor === null) {
      // The list ends here: the open day has no older rows.
      this.close();
      this.open = null;
      this.lastNext = null;
    }
  }

  /** The day this walk leaves open at its end, for the walk that goes on at the next page; null when there is none. */
  carry(): OpenStretch | null {
    if (this.broken || this.full || this.open === null || !this.open.topSeen || this.lastNext === null) return null;
    return { cursor: this.lastNext, timeZone: this.timeZone, open: this.open };
  }

  /** Before any page: this walk goes on where `stretch` ended, so its page asked with that cursor finishes the open day. */
  resume(stretch: OpenStretch): void {
    if (stretch.timeZone !== this.timeZone || this.open !== null || this.lastNext !== null || this.learned.length > 0) return;
    this.open = stretch.open;
    this.lastNext = stretch.cursor;
  }

  /** The days seen completely, settled ones only, at most the bound; none when the rows came out of order. */
  days(): KeptDay[] {
    if (this.broken) return [];
    const days = [...this.learned];
    for (const [from, to] of this.gaps) {
      for (let day = from; day <= to && days.length < this.maxDays; day = shiftDate(day, 1)) {
        days.push({ day, rows: 0, newestId: null, oldestId: null, newestAt: null, oldestAt: null, totals: [] });
      }
    }
    return days;
  }

  private row(row: TransactionFlowRow): void {
    const ms = Date.parse(row.transactionTime);
    if (Number.isNaN(ms)) {
      this.broken = true;
      return;
    }
    const open = this.open;
    if (open !== null && ms >= open.startMs && ms < open.endMs) {
      open.ledger.add(row, ms);
      return;
    }
    if (open !== null && ms >= open.endMs) {
      // A row newer than the one before it: the list is not in time order, so no day of this walk is sure.
      this.broken = true;
      return;
    }
    const day = dateIn(this.timeZone, new Date(ms));
    const next: OpenDay = this.openDay(day, open !== null || this.topCovers(day));
    if (!(ms >= next.startMs && ms < next.endMs)) {
      this.broken = true;
      return;
    }
    if (open !== null) {
      this.close();
      this.empties(day, open.day);
    } else if (next.topSeen) {
      this.empties(day, this.top?.kind === 'after' ? dateIn(this.timeZone, new Date(this.top.atMs)) : shiftDate(this.lastKeepable, 1));
    }
    this.open = next;
    next.ledger.add(row, ms);
  }

  /** Whether the stretch's top lies past the end of `day`: the list's head, or a start row of a later day. */
  private topCovers(day: string): boolean {
    const top = this.top;
    if (top === null) return false;
    return top.kind === 'head' || top.atMs >= startOfDay(shiftDate(day, 1), this.timeZone);
  }

  private openDay(day: string, topSeen: boolean): OpenDay {
    return {
      day,
      startMs: startOfDay(day, this.timeZone),
      endMs: startOfDay(shiftDate(day, 1), this.timeZone),
      ledger: new DayLedger(day, day, this.timeZone),
      topSeen,
    };
  }

  /** The open day has been seen to its oldest row. */
  private close(): void {
    const open = this.open;
    if (open === null || !open.topSeen) return;
    const [day] = open.ledger.result();
    if (day) this.keep(day);
  }

  /** The days strictly between `older` and `newer`: no row fell in them. */
  private empties(older: string, newer: string): void {
    const from = shiftDate(older, 1);
    const before = shiftDate(newer, -1);
    const to = before < this.lastKeepable ? before : this.lastKeepable;
    if (from <= to) this.gaps.push([from, to]);
  }

  private keep(day: KeptDay): void {
    if (day.day > this.lastKeepable) return;
    this.learned.push(day);
    if (this.learned.length >= this.maxDays) this.full = true;
  }
}
