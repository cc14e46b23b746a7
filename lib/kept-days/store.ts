import 'server-only';
import { getDb } from '@/lib/db/client';
import { keptStartId, readKeptDays, writeKeptDays } from '@/lib/db/kept-days';
import type { Db } from '@/lib/db/types';
import type { KeptDay, KeptDaysKey, KeptStart } from '@/lib/domain/kept-day';
import { log } from '@/lib/log';

/**
 * Where kept days live. Kept days only save provider pages: when the store fails, the answer is walked
 * live instead (and the failure logged), never failed.
 */
export interface KeptDaysStore {
  /** The kept days of [from, to] (inclusive dates) for the key, oldest first. */
  read(key: KeptDaysKey, from: string, to: string): Promise<KeptDay[]>;
  write(key: KeptDaysKey, days: readonly KeptDay[]): Promise<void>;
  /** A row the provider's list can start after (`since_id`) to reach every row older than the instant; null: none known. */
  startAfter(key: Pick<KeptDaysKey, 'connectionId' | 'source'>, instantMs: number): Promise<KeptStart | null>;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}

/** The store in a database; the application's own (getDb) unless one is given. */
export function databaseKeptDays(open: () => Promise<Db> = getDb): KeptDaysStore {
  return {
    async read(key, from, to) {
      try {
        return await readKeptDays(await open(), key, from, to);
      } catch (error) {
        log.warn('kept_days.read_failed', { connectionId: key.connectionId, reason: reason(error) });
        return [];
      }
    },
    async write(key, days) {
      try {
        await writeKeptDays(await open(), key, days);
      } catch (error) {
        log.warn('kept_days.write_failed', { connectionId: key.connectionId, reason: reason(error) });
      }
    },
    async startAfter(key, instantMs) {
      try {
        return await keptStartId(await open(), key, instantMs);
      } catch (error) {
        log.warn('kept_days.start_failed', { connectionId: key.connectionId, reason: reason(error) });
        return null;
      }
    },
  };
}
