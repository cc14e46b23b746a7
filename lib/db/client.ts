import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { openDb } from './open';
import type { Db } from './types';

// On globalThis because Next.js may evaluate this module more than once in one process.
const DB_KEY = Symbol.for('fundsight.db');
type DbHolder = { [DB_KEY]?: Promise<Db> };

/**
 * The process-wide database for serverEnv().database, opened and migrated on first use.
 * A failure is not cached, so the next call tries again.
 */
export function getDb(): Promise<Db> {
  const holder = globalThis as typeof globalThis & DbHolder;
  const existing = holder[DB_KEY];
  if (existing) return existing;
  const opening = openDb(serverEnv().database);
  holder[DB_KEY] = opening;
  opening.catch(() => {
    if (holder[DB_KEY] === opening) delete holder[DB_KEY];
  });
  return opening;
}
