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
  close(): Promise<void>;
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
