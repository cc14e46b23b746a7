import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIGRATIONS } from '@/lib/db/migrations';
import type { Db } from '@/lib/db/types';

// getDb reads serverEnv() once per module instance; each test stubs the environment, then imports afresh.
async function freshGetDb(): Promise<() => Promise<Db>> {
  vi.resetModules();
  return (await import('@/lib/db/client')).getDb;
}

const DB_KEY = Symbol.for('fundsight.db');

describe('getDb', () => {
  afterEach(async () => {
    const holder = globalThis as Record<symbol, Promise<Db> | undefined>;
    const pending = holder[DB_KEY];
    delete holder[DB_KEY];
    await pending?.then((db) => db.close()).catch(() => undefined);
    vi.unstubAllEnvs();
  });

  it('opens one migrated database per process, even when the module is loaded twice', async () => {
    vi.stubEnv('DATABASE_URL', undefined);
    vi.stubEnv('PGLITE_DATA_DIR', 'memory://');
    const first = await (await freshGetDb())();
    const second = await (await freshGetDb())();
    expect(second).toBe(first);
    expect(first.kind).toBe('pglite');
    expect(await first.query('select count(*)::int as n from schema_migrations')).toEqual([{ n: MIGRATIONS.length }]);
  }, 60_000);

  it('fails fast naming DATABASE_URL when the server is unreachable, and retries on the next call', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://fundsight@127.0.0.1:1/fundsight');
    const getDb = await freshGetDb();
    const started = Date.now();
    const failed = getDb();
    await expect(failed).rejects.toThrow(/DATABASE_URL/);
    expect(Date.now() - started).toBeLessThan(6_000);
    const retry = getDb();
    expect(retry).not.toBe(failed);
    await expect(retry).rejects.toThrow(/DATABASE_URL/);
  });
});
