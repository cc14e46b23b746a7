import 'server-only';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DatabaseUnavailableError, processLocks, type Db, type Queryable, type SqlParam } from './types';

const IN_MEMORY = 'memory://';

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
  };
}

/** Embedded PostgreSQL; `dataDir` is a directory (created when missing) or `memory://`. */
export async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir.startsWith(IN_MEMORY);
  const location = inMemory ? dataDir : path.resolve(dataDir);
  let pg: PGlite;
  try {
    if (!inMemory) await mkdir(location, { recursive: true });
    pg = await PGlite.create(location);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseUnavailableError(`Cannot open the embedded database at PGLITE_DATA_DIR (${location}): ${reason}`, {
      cause: error,
    });
  }
  return {
    kind: 'pglite',
    ...queryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    locks: processLocks(),
    close: () => pg.close(),
  };
}
