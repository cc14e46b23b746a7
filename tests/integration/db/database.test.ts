import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';
import { MIGRATIONS } from '@/lib/db/migrations';
import { openDb } from '@/lib/db/open';
import { DatabaseUnavailableError } from '@/lib/db/types';
import { DRIVERS, emptyDatabase, openTestDatabase } from './databases';

const ALL_VERSIONS = MIGRATIONS.map((m) => m.version);

describe.each(DRIVERS)('database on %s', (kind) => {
  it('applies every migration once and records it in schema_migrations', async () => {
    const { db, dispose } = await openTestDatabase(kind);
    try {
      const rows = await db.query<{ version: number }>('select version from schema_migrations order by version');
      expect(rows.map((r) => r.version)).toEqual(ALL_VERSIONS);
      expect(await migrate(db)).toEqual([]);
      expect(await db.query('select version from schema_migrations')).toHaveLength(ALL_VERSIONS.length);
    } finally {
      await dispose();
    }
  }, 60_000);

  it('rolls a failing migration back completely, leaving earlier state intact', async () => {
    const { db, dispose } = await openTestDatabase(kind);
    try {
      const broken = [
        ...MIGRATIONS,
        { version: 999, name: 'broken', statements: ['create table half_done (id int)', 'select * from missing_table'] },
      ];
      await expect(migrate(db, broken)).rejects.toThrow(/missing_table/);
      const tables = await db.query("select 1 from information_schema.tables where table_name = 'half_done'");
      expect(tables).toEqual([]);
      expect(await db.query('select version from schema_migrations')).toHaveLength(ALL_VERSIONS.length);
    } finally {
      await dispose();
    }
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const { db, dispose } = await openTestDatabase(kind);
    try {
      await db.transaction((tx) => tx.query("insert into organizations (name, slug) values ('Kept', 'kept')"));
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into organizations (name, slug) values ('Dropped', 'dropped')");
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const slugs = await db.query<{ slug: string }>('select slug from organizations order by slug');
      expect(slugs.map((r) => r.slug)).toEqual(['kept']);
    } finally {
      await dispose();
    }
  });

  it('generates uuids, returns timestamps as Date and jsonb as objects', async () => {
    const { db, dispose } = await openTestDatabase(kind);
    try {
      const [row] = await db.query<{ id: string; at: Date; doc: unknown; n: number }>(
        "select gen_random_uuid()::text as id, now() as at, $1::jsonb as doc, 3::int as n",
        [JSON.stringify({ shop: 'acme' })],
      );
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row?.at).toBeInstanceOf(Date);
      expect(row?.doc).toEqual({ shop: 'acme' });
      expect(row?.n).toBe(3);
    } finally {
      await dispose();
    }
  });
});

describe('PostgreSQL server', () => {
  it('lets two processes start on one new database at once: migrations run exactly once', async () => {
    const { config, drop } = await emptyDatabase('postgres');
    try {
      const [a, b] = await Promise.all([openDb(config), openDb(config)]);
      const rows = await a.query('select version from schema_migrations');
      expect(rows).toHaveLength(ALL_VERSIONS.length);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await drop();
    }
  });

  it('fails fast with one line naming DATABASE_URL, without the password, when the server is unreachable', async () => {
    const started = Date.now();
    const error = await openDb({ kind: 'postgres', url: 'postgres://fundsight:s3cret-pw@127.0.0.1:1/app' }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const message = (error as Error).message;
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toContain('127.0.0.1:1/app');
    expect(message).not.toContain('s3cret-pw');
    expect(message).not.toContain('\n');
  });
});

describe('PGlite data directory', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('creates a missing directory and keeps data across reopening without re-migrating', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'fundsight-pglite-'));
    dirs.push(root);
    const dataDir = path.join(root, 'nested', 'pglite');
    const first = await openDb({ kind: 'pglite', dataDir });
    await first.query("insert into organizations (name, slug) values ('Acme', 'acme')");
    await first.close();
    expect((await stat(dataDir)).isDirectory()).toBe(true);

    const second = await openDb({ kind: 'pglite', dataDir });
    try {
      expect(await second.query('select slug from organizations')).toEqual([{ slug: 'acme' }]);
      expect(await migrate(second)).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
