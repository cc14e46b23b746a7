import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb } from '@/lib/db/open';
import type { Db, DbConfig } from '@/lib/db/types';

/** The machine's PostgreSQL server; each test database is a fresh schema in it. */
export const TEST_POSTGRES_URL = process.env.FUNDSIGHT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DriverKind = DbConfig['kind'];
export const DRIVERS: readonly DriverKind[] = ['pglite', 'postgres'];

export interface TestDatabase {
  readonly db: Db;
  /** Opens another handle on the same database (for postgres; PGlite memory databases are per handle). */
  readonly config: DbConfig;
  /** Closes the handle and, for postgres, drops the schema. */
  dispose(): Promise<void>;
}

/** A postgres:// URL whose connections use `schema` as search_path. */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An empty config: a new PGlite in memory, or a new uniquely named schema on the PostgreSQL server. */
export async function emptyDatabase(kind: DriverKind): Promise<{ config: DbConfig; drop(): Promise<void> }> {
  if (kind === 'pglite') return { config: { kind: 'pglite', dataDir: 'memory://' }, drop: async () => undefined };
  const schema = `fundsight_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create schema ${schema}`));
  return {
    config: { kind: 'postgres', url: urlWithSchema(TEST_POSTGRES_URL, schema) },
    drop: () => admin((client) => client.query(`drop schema if exists ${schema} cascade`)).then(() => undefined),
  };
}

/** A migrated, empty database of the given kind. */
export async function openTestDatabase(kind: DriverKind): Promise<TestDatabase> {
  const { config, drop } = await emptyDatabase(kind);
  const db = await openDb(config);
  return {
    db,
    config,
    async dispose() {
      await db.close();
      await drop();
    },
  };
}
