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

/** A day's rows that follow one another in a page, counted. */
interface DayRun {
  readonly day: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly ledger: DayLedger;
}

interface OpenDay extends DayRun {
  /** Whether every row of the day newer than the first one seen was seen too. */
  readonly topSeen: boolean;
}

/**
 * What one provider page shows of its days, counted as its rows are read (so no row need be held): a run per
 * day, in the page's order, each a one-day ledger. A walk that reads pages ahead, out of order, counts each page
 * on its own and gives them to the learner in the walk's order. Memory: a ledger per day the page holds.
 */
export class PageDays {
  private runs: DayRun[] = [];
  private current: DayRun | null = null;
  private unordered = false;
  /** A row older than the view's start was counted: the walk reads no further, nor does the count. */
  private cut = false;
  /** The provider's cursor after this page once it was read whole (null: the list ends with it); undefined before. */
  private next: string | null | undefined = undefined;

  constructor(
    readonly timeZone: string,
    /** Where the walk's view starts (a date range's): its first older row ends it, and the count (its day left open). */
    private readonly viewFromMs?: number,
  ) {}

  add(row: TransactionFlowRow): void {
    if (this.unordered || this.cut) return;
    const ms = Date.parse(row.transactionTime);
    if (ms < (this.viewFromMs ?? -Infinity)) this.cut = true;
    const run = this.current;
    if (run !== null && ms >= run.startMs && ms < run.endMs) {
      run.ledger.add(row, ms);
      return;
    }
    // An unreadable time, or a row newer than the one before it: no day of the walk is sure (see DayLearner).
    if (Number.isNaN(ms) || (run !== null && ms >= run.endMs)) {
      this.unordered = true;
      return;
    }
    const day = dateIn(this.timeZone, new Date(ms));
    const next: DayRun = { day, startMs: startOfDay(day, this.timeZone), endMs: startOfDay(shiftDate(day, 1), this.timeZone), ledger: new DayLedger(day, day, this.timeZone) };
    if (!(ms >= next.startMs && ms < next.endMs)) {
      this.unordered = true;
      return;
    }
    this.runs.push(next);
    this.current = next;
    next.ledger.add(row, ms);
  }

  /** The page is read again from its start (a retry): what was counted is dropped. */
  restart(): void {
    this.runs = [];
    this.current = null;
    this.unordered = false;
    this.cut = false;
    this.next = undefined;
  }

  /** The page was read whole; `nextCursor` is the provider's (null: the list ends here), not where a view ends. */
  end(nextCursor: string | null): void {
    this.next = nextCursor;
  }

  /** The runs of a page read whole and in time order; undefined before its end, null when out of order. */
  read(): { readonly runs: readonly DayRun[]; readonly nextCursor: string | null; readonly cut: boolean } | null | undefined {
    if (this.next === undefined) return undefined;
    return this.unordered ? null : { runs: this.runs, nextCursor: this.next, cut: this.cut };
  }
}

export class DayLearner {
  private readonly learned: KeptDay[] = [];
  /** Runs of days without rows [from, to], settled ones only: kept after the days with rows, as far as the bound allows. */
  private readonly gaps: [string, string][] = [];
  private open: OpenDay | null = null;
  /** The rows of a page that does not follow the last one start a new stretch, from this top. */
  private top: ListStart | null = null;
  private lastNext: string | null = null;
  /** Days of `learned` handed out by take. */
  private taken = 0;
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
    const days = new PageDays(this.timeZone);
    for (const row of page.items) days.add(row);
    days.end(page.nextCursor);
    this.pageDays(cursor, start, days);
  }

  /** As page, the page counted as it was read (PageDays); a page not read to its end is not one the walk read. */
  pageDays(cursor: string | null, start: ListStart, days: PageDays): void {
    if (this.broken || this.full) return;
    const page = days.read();
    if (page === undefined) return;
    if (page === null) {
      this.broken = true;
      return;
    }
    if (cursor === null || cursor !== this.lastNext) {
      // Not the page after the last one: what was open cannot be finished, and this page's top is known only at the list's start.
      this.open = null;
      this.top = cursor === null ? start : null;
    }
    for (const run of page.runs) {
      this.run(run);
      if (this.broken || this.full) return;
    }
    if (page.cut) {
      // Counted to the view's end only: the last day has rows no count saw, and no page follows this one.
      this.open = null;
      this.lastNext = null;
      return;
    }
    this.lastNext = page.nextCursor;
    if (page.nextCursor === null) {
      // The list ends here: the open day has no older rows.
      this.close();
      this.open = null;
      this.lastNext = null;
    }
  }

  /** Whether pages may still teach: the rows came in order so far, and the bound is not reached. */
  get learning(): boolean {
    return !this.broken && !this.full;
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
    return [...this.learned, ...this.emptyDays()];
  }

  /**
   * The days of `days()` not taken before, for a long walk that keeps them as it goes: those with rows as they
   * close; the empty days only at the walk's end (`end`), where the bound gives the days with rows precedence.
   * None once the rows came out of order (days taken before stay: each was seen completely, as a list
   * request's are before the next request of its search).
   */
  take(end: boolean): KeptDay[] {
    if (this.broken) return [];
    const days = this.learned.slice(this.taken);
    this.taken = this.learned.length;
    return end ? [...days, ...this.emptyDays()] : days;
  }

  /** The days of the gaps, oldest gap last, as far as the bound allows after the days with rows. */
  private emptyDays(): KeptDay[] {
    const days: KeptDay[] = [];
    let count = this.learned.length;
    for (const [from, to] of this.gaps) {
      for (let day = from; day <= to && count < this.maxDays; day = shiftDate(day, 1), count += 1) {
        days.push({ day, rows: 0, newestId: null, oldestId: null, newestAt: null, oldestAt: null, totals: [] });
      }
    }
    return days;
  }

  private run(run: DayRun): void {
    const open = this.open;
    if (open !== null && run.day === open.day) {
      open.ledger.append(run.ledger);
      return;
    }
    if (open !== null && run.day > open.day) {
      // A row newer than the one before it: the list is not in time order, so no day of this walk is sure.
      this.broken = true;
      return;
    }
    const next: OpenDay = { ...run, topSeen: open !== null || this.topCovers(run.day) };
    if (open !== null) {
      this.close();
      this.empties(run.day, open.day);
    } else if (next.topSeen) {
      this.empties(run.day, this.top?.kind === 'after' ? dateIn(this.timeZone, new Date(this.top.atMs)) : shiftDate(this.lastKeepable, 1));
    }
    this.open = next;
  }

  /** Whether the stretch's top lies past the end of `day`: the list's head, or a start row of a later day. */
  private topCovers(day: string): boolean {
    const top = this.top;
    if (top === null) return false;
    return top.kind === 'head' || top.atMs >= startOfDay(shiftDate(day, 1), this.timeZone);
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
