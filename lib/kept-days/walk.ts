import 'server-only';
import type { TransactionFlowRow } from '@/lib/domain/transaction';
import type { WalkSource } from '@/lib/paging/walk';
import { dateIn, type DateRange } from '@/lib/time/dates';
import { jumpStart } from './jump';
import { DayLearner, type ListStart } from './learn';
import { lastKeepableDay } from './settle';
import { keptDaysKey } from './source';
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
  /** Keeps the days the walk taught; the number kept. Never fails: the store logs and drops its failures. */
  finish(): Promise<number>;
}

export interface KeptWalkRequest {
  readonly range: DateRange;
  /** The organization's zone, the one kept days are cut in; none: nothing is learned. */
  readonly timeZone: string | undefined;
  readonly now?: Date;
  /** Whether the provider is asked for every row (no payout filter), so the walk may teach days. */
  readonly teaches: boolean;
}

type Account = { readonly id: string; readonly provider: string; readonly baseUrl: string; readonly settings: unknown };

export async function keptWalk(store: KeptDaysStore | undefined, account: Account, request: KeptWalkRequest): Promise<KeptWalk> {
  const start = await jumpStart(store, account, request.range);
  const top: ListStart = start ? { kind: 'after', atMs: start.at.getTime() } : { kind: 'head' };
  const { timeZone } = request;
  const learner =
    store && timeZone !== undefined && request.teaches ? new DayLearner(timeZone, lastKeepableDay(dateIn(timeZone, request.now ?? new Date()))) : null;
  return {
    startAfterId: start?.id,
    watch(source, flowRow) {
      if (!learner) return source;
      return {
        idOf: (row) => source.idOf(row),
        classify: (row) => source.classify(row),
        filtersLocally: source.filtersLocally,
        fetchPage: async (cursor, onNextCursor) => {
          const page = await source.fetchPage(cursor, onNextCursor);
          learner.page(cursor, top, { items: page.items.map(flowRow), nextCursor: page.nextCursor });
          return page;
        },
      };
    },
    async finish() {
      const days = learner?.days() ?? [];
      if (!store || timeZone === undefined || days.length === 0) return 0;
      await store.write(keptDaysKey(account, timeZone), days);
      return days.length;
    },
  };
}
