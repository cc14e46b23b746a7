import { randomBytes } from 'node:crypto';
import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changePassword, endMySession, signOutEverywhere } from '@/lib/admin/account';
import { changeRole, removeMember } from '@/lib/admin/members';
import { createAuthStateCache, type AuthStateCache } from '@/lib/auth/auth-state-cache';
import type { Db } from '@/lib/db/types';
import { loadAuthState } from '@/lib/db/sessions';
import { createRedis } from '@/lib/redis/client';
import { openTestDatabase, type TestDatabase } from '../db/databases';
import { newMember, newOrganization, PASSWORD } from '../db/fixtures';

const current = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock('@/lib/db/client', () => ({
  getDb: () => (current.db ? Promise.resolve(current.db) : Promise.reject(new Error('no test database'))),
}));
const { authorizeCredentials, createJwtCallback } = await import('@/lib/auth/options');

const redis = createRedis(process.env.FUNDSIGHT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `test:${randomBytes(6).toString('hex')}:`;
let t: TestDatabase;
let org: { id: string };
let other: { id: string };

/** Two app instances sharing Redis, each with its own jwt callback. */
let a: AuthStateCache;
let b: AuthStateCache;

beforeAll(async () => {
  t = await openTestDatabase('postgres');
  current.db = t.db;
  org = await newOrganization(t.db, 'Acme');
  other = await newOrganization(t.db, 'Globex');
  const options = { load: (userId: string) => loadAuthState(t.db, userId), redis, prefix, ttlMs: 3_000 };
  a = createAuthStateCache(options);
  b = createAuthStateCache(options);
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  current.db = null;
  await t.dispose();
});

async function signIn(email: string): Promise<JWT> {
  const user = await authorizeCredentials({ email, password: PASSWORD }, { 'user-agent': 'vitest' });
  if (!user) throw new Error('sign-in failed');
  return createJwtCallback(() => Promise.reject(new Error('not used at sign-in')))({ token: { sub: user.id }, user });
}

const on = (cache: AuthStateCache) => createJwtCallback((userId, claims) => cache.get(userId, claims));
const actor = (organizationId: string) => ({ userId: null, email: 'admin@acme.test', organizationId });

describe('sessions that can be revoked (PostgreSQL, Redis-shared checks)', () => {
  it('a role downgrade applies to the next request on every instance', async () => {
    await newMember(t.db, org.id, 'admin');
    const member = await newMember(t.db, org.id, 'finance');
    const token = await signIn((await t.db.query<{ email: string }>('select email from users where id = $1', [member.id]))[0]?.email ?? '');
    expect((await on(b)({ token })).user?.role).toBe('finance');
    await changeRole(t.db, actor(org.id), member.id, 'viewer');
    await a.invalidate(member.id);
    expect((await on(b)({ token })).user?.role).toBe('viewer');
  });

  it('removal from the organization ends the session when it was the only one', async () => {
    await newMember(t.db, other.id, 'admin');
    const member = await newMember(t.db, other.id, 'viewer');
    const token = await signIn(await emailOf(member.id));
    await removeMember(t.db, actor(other.id), member.id);
    await a.invalidate(member.id);
    expect((await on(b)({ token })).user).toBeUndefined();
  });

  it('"sign out everywhere" ends every session; ending one session ends only that one', async () => {
    const member = await newMember(t.db, org.id, 'viewer');
    const email = await emailOf(member.id);
    const first = await signIn(email);
    const second = await signIn(email);
    const me = { userId: member.id, email, organizationId: org.id };
    await endMySession(t.db, me, first.user?.sessionId ?? '');
    await a.invalidate(member.id);
    expect((await on(b)({ token: first })).user).toBeUndefined();
    expect((await on(b)({ token: second })).user?.userId).toBe(member.id);
    await signOutEverywhere(t.db, me);
    await a.invalidate(member.id);
    expect((await on(b)({ token: second })).user).toBeUndefined();
    expect((await on(b)({ token: await signIn(email) })).user?.userId).toBe(member.id);
  });

  it('a password change keeps this session and ends the others', async () => {
    const member = await newMember(t.db, org.id, 'viewer');
    const email = await emailOf(member.id);
    const mine = await signIn(email);
    const elsewhere = await signIn(email);
    await changePassword(t.db, { userId: member.id, email, organizationId: org.id, sessionId: mine.user?.sessionId ?? null }, {
      currentPassword: PASSWORD,
      newPassword: 'another long password',
    });
    await a.invalidate(member.id);
    expect((await on(b)({ token: mine })).user?.userId).toBe(member.id);
    expect((await on(b)({ token: elsewhere })).user).toBeUndefined();
  });

  it('an account lock ends the session within the cache lifetime, even without an explicit invalidation', async () => {
    const member = await newMember(t.db, org.id, 'viewer');
    const token = await signIn(await emailOf(member.id));
    const shortLived = createAuthStateCache({ load: (id) => loadAuthState(t.db, id), redis, prefix: `${prefix}short:`, ttlMs: 300 });
    expect((await on(shortLived)({ token })).user).toBeDefined();
    await t.db.query("update users set locked_until = now() + interval '15 minutes' where id = $1", [member.id]);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await on(shortLived)({ token })).user).toBeUndefined();
  });
});

async function emailOf(userId: string): Promise<string> {
  const [row] = await t.db.query<{ email: string }>('select email from users where id = $1', [userId]);
  return row?.email ?? '';
}
