import 'server-only';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db, DbConfig } from './types';

/** A new, independent, migrated database handle; the app uses getDb(), tests and scripts use this. */
export async function openDb(config: DbConfig): Promise<Db> {
  const db = config.kind === 'postgres' ? await openPostgres(config.url) : await openPglite(config.dataDir);
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
