import 'server-only';
import type { KeptDay } from '@/lib/domain/kept-day';
import type { TransactionFlowRow } from '@/lib/domain/transaction';
import type { WalkSource } from '@/lib/paging/walk';
import { dateIn, type DateRange } from '@/lib/time/dates';
import { jumpStart } from './jump';
import { DayLearner, PageDays, type ListStart, type OpenStretch } from './learn';
import { lastKeepableDay } from './settle';
import { keptDaysKey, sourceOf } from './source';
import type { KeptDaysStore } from './store';

/**
 * A walk of an account's list with kept days on both sides: it starts where they say (`since_id` near the
 * range's end) and, when the provider was asked unfiltered, keeps the closed days it saw completely.
 */
export interface KeptWalk {
  /** `since_id` of the list's first page; undefined: its newest row. */
  readonly startAfterId: string | undefined;
  /** The source, with every page it reads shown to the learner (unchanged when this walk does not teach). */
  watch<T>(source: WalkSource<T>, flowRow: (row: T) => TransactionFlowRow): WalkSource<T>;
  /**
   * For a walk that reads pages ahead, several at once (an export job): the source for one fetch of one page,
   * and the page's days, counted as its rows go by (none held), for `learn` in the walk's order. Null when this
   * walk does not teach, or has learned all it may.
   */
  countPage<T>(source: WalkSource<T>, flowRow: (row: T) => TransactionFlowRow): CountedPage<T> | null;
  /** The page of a countPage, asked with `cursor`: to be given in the walk's order, the pages it skips none. */
  learn(cursor: string | null, days: PageDays): void;
  /** Keeps the days with rows the walk has closed so far, as a long walk goes; the number kept. Never fails. */
  save(): Promise<number>;
  /** Keeps the days the walk taught; the number kept. Never fails: the store logs and drops its failures. */
  finish(): Promise<number>;
}

export interface CountedPage<T> {
  /** The source to fetch the page with; a retry counts the page again from its start. */
  readonly source: WalkSource<T>;
  readonly days: PageDays;
}

export interface KeptWalkRequest {
  readonly range: DateRange;
  /** The organization's zone, the one kept days are cut in; none: nothing is learned. */
  readonly timeZone: string | undefined;
  readonly now?: Date;
  /** Whether the provider is asked for every row (no payout filter), so the walk may teach days. */
  readonly teaches: boolean;
  /** False for a walk that goes on at a cursor of its own (a resumed export job): no jump start is looked up. */
  readonly jumps?: boolean;
}

type Account = { readonly id: string; readonly provider: string; readonly baseUrl: string; readonly settings: unknown };

/**
 * The day each recent walk left open at its end, by account and the cursor it ended before: a long search goes on
 * in the next request at that cursor, which finishes the day (otherwise the first day of each request is lost).
 * In this process only, a few and for minutes: a miss only means that day is not kept.
 */
const OPEN_STRETCHES = 64;
const OPEN_STRETCH_MS = 10 * 60_000;
const openStretches = new Map<string, { readonly stretch: OpenStretch; readonly until: number }>();

function stretchKey(account: Account, timeZone: string, cursor: string): string {
  return JSON.stringify([account.id, sourceOf(account), timeZone, cursor]);
}

/** Taken, not read: two walks resuming at one cursor must not add to one ledger. */
function takeStretch(key: string, now: number): OpenStretch | undefined {
  const entry = openStretches.get(key);
  openStretches.delete(key);
  return entry && entry.until > now ? entry.stretch : undefined;
}

function leaveStretch(key: string, stretch: OpenStretch, now: number): void {
  openStretches.delete(key);
  openStretches.set(key, { stretch, until: now + OPEN_STRETCH_MS });
  for (const [old, entry] of openStretches) {
    if (openStretches.size <= OPEN_STRETCHES && entry.until > now) break;
    openStretches.delete(old);
  }
}

export async function keptWalk(store: KeptDaysStore | undefined, account: Account, request: KeptWalkRequest): Promise<KeptWalk> {
  const start = request.jumps === false ? null : await jumpStart(store, account, request.range);
  const top: ListStart = start ? { kind: 'after', atMs: start.at.getTime() } : { kind: 'head' };
  const { timeZone } = request;
  const learner =
    store && timeZone !== undefined && request.teaches ? new DayLearner(timeZone, lastKeepableDay(dateIn(timeZone, request.now ?? new Date()))) : null;
  let started = false;
  const keep = async (days: readonly KeptDay[]): Promise<number> => {
    if (!store || timeZone === undefined || days.length === 0) return 0;
    await store.write(keptDaysKey(account, timeZone), days);
    return days.length;
  };
  return {
    startAfterId: start?.id,
    watch(source, flowRow) {
      if (!learner) return source;
      return {
        idOf: (row) => source.idOf(row),
        classify: (row) => source.classify(row),
        filtersLocally: source.filtersLocally,
        fetchPage: async (cursor, onNextCursor) => {
          if (!started && cursor !== null && timeZone !== undefined) {
            const stretch = takeStretch(stretchKey(account, timeZone, cursor), Date.now());
            if (stretch) learner.resume(stretch);
          }
          started = true;
          const page = await source.fetchPage(cursor, onNextCursor);
          learner.page(cursor, top, { items: page.items.map(flowRow), nextCursor: page.nextCursor });
          return page;
        },
      };
    },
    countPage(source, flowRow) {
      if (!learner?.learning || timeZone === undefined) return null;
      // Rows past the view's start are read and dropped: counted no further (only the one that ends the view).
      const days = new PageDays(timeZone, request.range.fromMs);
      const into = source.fetchPageInto;
      return {
        days,
        source: {
          idOf: (row) => source.idOf(row),
          classify: (row) => source.classify(row),
          filtersLocally: source.filtersLocally,
          fetchPage: async (cursor, onNextCursor) => {
            days.restart();
            const page = await source.fetchPage(cursor, onNextCursor);
            for (const row of page.items) days.add(flowRow(row));
            days.end(page.nextCursor);
            return page;
          },
          fetchPageInto:
            into &&
            (async (cursor, sink, onNextCursor) => {
              days.restart();
              const counted = {
                restart() {
                  days.restart();
                  sink.restart();
                },
                add(row: Parameters<typeof sink.add>[0]) {
                  days.add(flowRow(row));
                  sink.add(row);
                },
              };
              const page = await into.call(source, cursor, counted, onNextCursor);
              days.end(page.nextCursor);
              return page;
            }),
        },
      };
    },
    learn(cursor, days) {
      learner?.pageDays(cursor, top, days);
    },
    save: () => keep(learner?.take(false) ?? []),
    async finish() {
      const stretch = learner?.carry();
      if (stretch && timeZone !== undefined) leaveStretch(stretchKey(account, timeZone, stretch.cursor), stretch, Date.now());
      return keep(learner?.take(true) ?? []);
    },
  };
}
