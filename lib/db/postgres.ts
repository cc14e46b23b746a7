import 'server-only';
import pg from 'pg';
import { DatabaseUnavailableError, sqlState, type Db, type Queryable, type SessionLocks, type SqlParam } from './types';

const CONNECT_TIMEOUT_MS = 5_000;

function queryable(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const result = await target.query(sql, [...params]);
      return result.rows as T[];
    },
  };
}

/** host:port/database of a connection URL: enough to find the server, never the password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'an unparseable URL';
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node reports a refused dual-stack connect as an AggregateError with an empty message.
  const text = error.message || sqlState(error) || error.name;
  return text.split('\n')[0] ?? text;
}

/**
 * Session advisory locks on a connection of their own (kept alive, so a vanished peer is noticed): a process
 * that dies takes its locks with it; a connection that breaks loses them all, and the next lock reconnects.
 */
function advisoryLocks(pool: pg.Pool): SessionLocks & { close(): void } {
  let session: Promise<pg.PoolClient> | null = null;
  const held = new Set<string>();
  const connect = () => {
    session ??= pool.connect().then((client) => {
      client.on('error', () => {
        held.clear();
        session = null;
        client.release(true);
      });
      return client;
    });
    session.catch(() => {
      session = null;
    });
    return session;
  };
  const key = 'hashtextextended($1, 0)';
  return {
    async tryLock(name) {
      if (held.has(name)) return false;
      const client = await connect();
      const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(${key}) as locked`, [name]);
      if (rows[0]?.locked) held.add(name);
      return held.has(name);
    },
    async unlock(name) {
      if (!held.delete(name)) return;
      const client = await connect();
      await client.query(`select pg_advisory_unlock(${key})`, [name]);
    },
    close() {
      held.clear();
      void session?.then((client) => client.release(true), () => undefined);
      session = null;
    },
  };
}

/** A pooled connection to a PostgreSQL server; rejects within ~5s when it cannot connect. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`PostgreSQL idle client error: ${reasonOf(error)}`));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `Cannot connect to PostgreSQL at DATABASE_URL (${describeUrl(url)}): ${reasonOf(error)}`,
      { cause: error },
    );
  }
  const locks = advisoryLocks(pool);
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('begin');
        const result = await fn(queryable(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    locks,
    close: () => {
      locks.close();
      return pool.end();
    },
  };
}
