import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyCredentials } from '@/lib/auth/credentials';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@/lib/db/seed';
import type { Db } from '@/lib/db/types';
import { SANDBOX_ACCOUNTS } from '@/lib/sandbox/accounts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../db/databases';

const current = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock('@/lib/db/client', () => ({
  getDb: () => (current.db ? Promise.resolve(current.db) : Promise.reject(new Error('no test database'))),
}));
const { authorizeCredentials, LOCKED_ERROR, UNAVAILABLE_ERROR } = await import('@/lib/auth/options');

describe('authorize without a database', () => {
  it('throws a generic "unavailable", never the database error that next-auth would show the browser', async () => {
    vi.stubEnv('FUNDSIGHT_LOG', 'silent');
    const error = await authorizeCredentials({ email: 'admin@acme.test', password: DEMO_PASSWORD }).catch((e: unknown) => e);
    vi.unstubAllEnvs();
    expect((error as Error).message).toBe(UNAVAILABLE_ERROR);
  });
});

describe.each(DRIVERS)('sign-in on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, { sandboxUrl: 'http://127.0.0.1:4010', accounts: SANDBOX_ACCOUNTS });
    current.db = t.db;
  });
  afterAll(async () => {
    current.db = null;
    await t.dispose();
  });

  const demoUsers = DEMO_USERS.map((u) => [u.email, u] as const);
  it.each(demoUsers)('demo user %s signs in to their merchant with their role', async (_email, demo) => {
    const result = await verifyCredentials(t.db, { email: demo.email, password: DEMO_PASSWORD });
    expect(result).toMatchObject({
      ok: true,
      user: { email: demo.email, organizationName: DEMO_ORGANIZATIONS[demo.merchant].name, role: demo.role },
    });
  });

  it('authorize returns a next-auth user carrying the session user', async () => {
    const user = await authorizeCredentials({ email: 'admin@globex.test', password: DEMO_PASSWORD, csrfToken: 'x' });
    expect(user).toMatchObject({ email: 'admin@globex.test', sessionUser: { organizationName: 'Globex Trading', role: 'admin' } });
    expect(user?.id).toBe(user?.sessionUser?.userId);
  });

  it('authorize answers null for a wrong password, an unknown email and malformed input', async () => {
    expect(await authorizeCredentials({ email: 'admin@globex.test', password: 'not-the-password' })).toBeNull();
    expect(await authorizeCredentials({ email: 'ghost@globex.test', password: DEMO_PASSWORD })).toBeNull();
    expect(await authorizeCredentials(undefined)).toBeNull();
    expect(await authorizeCredentials({ email: ['admin@globex.test'], password: DEMO_PASSWORD })).toBeNull();
  });

  it('authorize throws "locked" after 5 attempts for one email from one IP, for a known and an unknown email alike', async () => {
    const from = { 'x-forwarded-for': kind === 'pglite' ? '203.0.113.7' : '203.0.113.8' };
    for (const email of ['viewer@acme.test', 'ghost@acme.test']) {
      const attempts = [1, 2, 3, 4, 5].map(() => authorizeCredentials({ email, password: 'wrong password!' }, from));
      expect(await Promise.all(attempts)).toEqual([null, null, null, null, null]);
      await expect(authorizeCredentials({ email, password: DEMO_PASSWORD }, from)).rejects.toThrow(LOCKED_ERROR);
    }
    // Another client is not affected: the account itself was never locked.
    expect(await authorizeCredentials({ email: 'viewer@acme.test', password: DEMO_PASSWORD }, { 'x-forwarded-for': kind === 'pglite' ? '198.51.100.2' : '198.51.100.3' })).toMatchObject({
      email: 'viewer@acme.test',
    });
  });

  it('checks a password hash for unknown emails too, so timing does not reveal which emails exist', async () => {
    const compare = vi.spyOn(bcrypt, 'compare');
    try {
      await verifyCredentials(t.db, { email: 'ghost@acme.test', password: DEMO_PASSWORD });
      expect(compare).toHaveBeenCalledTimes(1);
      expect(compare.mock.calls[0]?.[1]).toMatch(/^\$2b\$10\$/);
    } finally {
      compare.mockRestore();
    }
  });
});
