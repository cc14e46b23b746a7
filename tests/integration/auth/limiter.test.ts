import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAttempt } from '@/lib/auth/credentials';
import { clientIp, createSignInLimiter, type SignInLimits } from '@/lib/auth/limiter';
import { seedDemo, DEMO_PASSWORD } from '@/lib/db/seed';
import { createRedis } from '@/lib/redis/client';
import { SANDBOX_ACCOUNTS } from '@/lib/sandbox/accounts';
import { openTestDatabase, type TestDatabase } from '../db/databases';

const REDIS_URL = process.env.FUNDSIGHT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMITS: SignInLimits = { perEmailAndIp: 5, perIp: 12, windowSeconds: 60 };

let t: TestDatabase;
let redis: Redis;
const prefixes: string[] = [];

beforeAll(async () => {
  t = await openTestDatabase('pglite');
  await seedDemo(t.db, { sandboxUrl: null, accounts: SANDBOX_ACCOUNTS });
  // A burst's bcrypt work holds the event loop for seconds on a loaded CI machine; the default 2 s command
  // timeout would then fail the burst closed ("unavailable"), which is not what this file tests.
  redis = createRedis(REDIS_URL, { commandTimeoutMs: 15_000 });
});
afterAll(async () => {
  // Only this test's own keys; Redis is shared.
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
  await t.dispose();
});

const stores = [
  ['Redis', () => redis],
  ['memory', () => null],
] as const;

describe.each(stores)('sign-in limits in %s', (_name, store) => {
  const limiter = () => {
    const keyPrefix = `test:sign-in:${randomBytes(6).toString('hex')}`;
    prefixes.push(keyPrefix);
    return createSignInLimiter({ redis: store(), keyPrefix, limits: LIMITS });
  };
  const attempt = (l: ReturnType<typeof limiter>, email: string, password: string, ip = '203.0.113.9') =>
    signInAttempt(t.db, l, { email, password, ip });

  it('gives a known and an unknown email the same answers: 5 invalid, then limited, even with the right password', async () => {
    const l = limiter();
    const answers: Record<string, unknown[]> = {};
    for (const email of ['admin@acme.test', 'nobody@acme.test']) {
      answers[email] = [];
      for (let i = 0; i < 5; i += 1) answers[email].push((await attempt(l, email, 'wrong password!')).ok || 'invalid');
      const sixth = await attempt(l, email, DEMO_PASSWORD);
      answers[email].push(sixth.ok ? 'signed in' : sixth.reason);
    }
    expect(answers['admin@acme.test']).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'limited']);
    expect(answers['nobody@acme.test']).toEqual(answers['admin@acme.test']);
  });

  it('does not lock the account for other clients: the same email from another IP still signs in', async () => {
    const l = limiter();
    for (let i = 0; i < 6; i += 1) await attempt(l, 'finance@acme.test', 'wrong password!', '198.51.100.1');
    expect(await attempt(l, 'finance@acme.test', DEMO_PASSWORD, '198.51.100.2')).toMatchObject({ ok: true });
  });

  it('counts every attempt of a parallel burst: of 20 at once, exactly 5 are checked', async () => {
    const l = limiter();
    const burst = await Promise.all(Array.from({ length: 20 }, () => attempt(l, 'viewer@acme.test', DEMO_PASSWORD, '192.0.2.50')));
    expect(burst.filter((r) => r.ok)).toHaveLength(5);
    expect(burst.filter((r) => !r.ok && r.reason === 'limited')).toHaveLength(15);
  });

  it('limits one IP across emails, and a success clears only its own email + IP count', async () => {
    const l = limiter();
    for (let i = 0; i < 4; i += 1) await attempt(l, 'admin@globex.test', 'wrong password!', '192.0.2.60');
    expect(await attempt(l, 'admin@globex.test', DEMO_PASSWORD, '192.0.2.60')).toMatchObject({ ok: true });
    expect(await attempt(l, 'admin@globex.test', 'wrong password!', '192.0.2.60')).toEqual({ ok: false, reason: 'invalid' });
    const others = [];
    for (let i = 0; i < 6; i += 1) others.push(await attempt(l, `someone${i}@globex.test`, 'x', '192.0.2.60'));
    // 12 per IP: 6 above, then the first 6 others are counted; the 13th attempt overall is refused.
    expect(others.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(await attempt(l, 'new@globex.test', 'x', '192.0.2.60')).toMatchObject({ ok: false, reason: 'limited' });
  });
});

describe('clientIp', () => {
  it.each([
    [{ 'x-forwarded-for': '203.0.113.1' }, '203.0.113.1'],
    [{ 'x-forwarded-for': '10.0.0.1, 203.0.113.2' }, '203.0.113.2'],
    [{ 'x-real-ip': '2001:db8::1' }, '2001:db8::1'],
    [{ 'x-forwarded-for': 'evil<script>' }, 'unknown'],
    [undefined, 'unknown'],
  ])('reads %j as %s', (headers, ip) => {
    expect(clientIp(headers)).toBe(ip);
  });
});
