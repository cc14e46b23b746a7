import 'server-only';
import type { KeptDay } from '@/lib/domain/kept-day';
import { DayLedger } from '@/lib/kept-days/ledger';
import { lastKeepableDay } from '@/lib/kept-days/settle';
import { keptDaysKey } from '@/lib/kept-days/source';
import type { KeptDaysStore } from '@/lib/kept-days/store';
import type { TransactionsApi } from '@/lib/providers/types';
import { dateRange, daysInRange, shiftDate, startOfDay } from '@/lib/time/dates';
import { scanRange } from './scan';

/**
 * One account's days of a period: the kept ones read from the store, the others walked at the provider
 * (today and the settle window always, older days only until a walk has covered them once), and the walked
 * days that are settled written back.
 */

export interface AccountDays {
  /** Every day of the period, oldest first. */
  readonly days: readonly KeptDay[];
  /** Days read from the store rather than walked. */
  readonly keptDays: number;
  readonly scannedRows: number;
  readonly providerPages: number;
}

export interface AccountDaysRequest {
  readonly from: string;
  readonly to: string;
  readonly today: string;
  readonly timeZone: string;
  readonly pageSize: number;
  readonly store?: KeptDaysStore;
  readonly signal?: AbortSignal;
}

type Account = { readonly id: string; readonly provider: string; readonly baseUrl: string; readonly settings: unknown };

/** Runs [from, to] of consecutive days not in `kept`, newest run first. */
export function missingRuns(from: string, to: string, kept: ReadonlySet<string>): [string, string][] {
  const runs: [string, string][] = [];
  let runEnd: string | null = null;
  const count = daysInRange(from, to);
  for (let i = 0, day = to; i < count; i += 1, day = shiftDate(day, -1)) {
    if (!kept.has(day)) {
      runEnd ??= day;
      if (i === count - 1) runs.push([day, runEnd]);
    } else if (runEnd !== null) {
      runs.push([shiftDate(day, 1), runEnd]);
      runEnd = null;
    }
  }
  return runs;
}

export async function accountDays(api: TransactionsApi, account: Account, request: AccountDaysRequest): Promise<AccountDays> {
  const { from, to, timeZone, store } = request;
  const key = keptDaysKey(account, timeZone);
  const lastKeepable = lastKeepableDay(request.today);
  const keepableTo = to < lastKeepable ? to : lastKeepable;
  const kept = store && from <= keepableTo ? await store.read(key, from, keepableTo) : [];
  const walked: KeptDay[] = [];
  let scannedRows = 0;
  let providerPages = 0;
  for (const [runFrom, runTo] of missingRuns(from, to, new Set(kept.map((day) => day.day)))) {
    // An older run starts just after the kept day above it, so the newer pages are not read again.
    const startsAfter = store ? await store.startAfter(key, startOfDay(shiftDate(runTo, 1), timeZone)) : null;
    const ledger = new DayLedger(runFrom, runTo, timeZone);
    const scan = await scanRange(api, dateRange(runFrom, runTo, timeZone), ledger, {
      pageSize: request.pageSize,
      signal: request.signal,
      ...(startsAfter === null ? {} : { sinceId: startsAfter.id }),
    });
    scannedRows += scan.scannedRows;
    providerPages += scan.providerPages;
    walked.push(...ledger.result());
  }
  const settled = walked.filter((day) => day.day <= lastKeepable);
  if (store && settled.length > 0) await store.write(key, settled);
  const days = [...kept, ...walked].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { days, keptDays: kept.length, scannedRows, providerPages };
}
