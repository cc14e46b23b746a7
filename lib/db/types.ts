import 'server-only';

/** Where the database lives: an embedded PGlite directory (or `memory://`) or a PostgreSQL server. */
export type DbConfig =
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly url: string };

export type SqlParam = string | number | boolean | Date | Uint8Array | null;

/** Anything that runs one SQL statement: the database itself or an open transaction. */
export interface Queryable {
  query<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: DbConfig['kind'];
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  /** Locks this process holds against every other process on the database (see `SessionLocks`). */
  readonly locks: SessionLocks;
  close(): Promise<void>;
}

/**
 * Named locks held for as long as this process wants them, or until it dies: on PostgreSQL, session
 * advisory locks on one connection of their own, so a killed instance's locks go with its connection at once
 * and a lost connection loses them all (what they guard must be fenced otherwise too). PGlite has one process.
 */
export interface SessionLocks {
  /** true when taken (now held by this process), false when another process holds it. */
  tryLock(name: string): Promise<boolean>;
  unlock(name: string): Promise<void>;
}

/** Locks within one process: what PGlite needs, as nothing else can open its directory meanwhile. */
export function processLocks(): SessionLocks {
  const held = new Set<string>();
  return {
    async tryLock(name) {
      if (held.has(name)) return false;
      held.add(name);
      return true;
    },
    async unlock(name) {
      held.delete(name);
    },
  };
}

/** The database could not be opened; the message is one line and safe to log (no password). */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** Postgres SQLSTATE of a driver error (pg and PGlite both set `code`), or null. */
export function sqlState(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}
