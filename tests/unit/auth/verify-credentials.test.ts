import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_POLICY, verifyCredentials } from '@/lib/auth/credentials';
import { addMembership } from '@/lib/db/memberships';
import { openDb } from '@/lib/db/open';
import { createOrganization, type Organization } from '@/lib/db/organizations';
import type { Db } from '@/lib/db/types';
import { createUser, findUserByEmail } from '@/lib/db/users';

const PASSWORD = 'correct horse battery';
const T0 = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let db: Db;
let org: Organization;
let seq = 0;

beforeAll(async () => {
  db = await openDb({ kind: 'pglite', dataDir: 'memory://' });
  org = await createOrganization(db, { name: 'Acme Outfitters', slug: 'acme', timezone: 'America/New_York' });
});
afterAll(() => db.close());

async function member(): Promise<string> {
  seq += 1;
  const email = `user${seq}@acme.test`;
  const user = await createUser(db, { email, name: `User ${seq}`, password: PASSWORD });
  await addMembership(db, { userId: user.id, organizationId: org.id, role: 'finance' });
  return email;
}

const attempt = (email: string, password: string, now = T0) => verifyCredentials(db, { email, password, now });

async function failTimes(email: string, times: number, now = T0) {
  const results = [];
  for (let i = 0; i < times; i += 1) results.push(await attempt(email, 'wrong password!', now));
  return results;
}

describe('verifyCredentials', () => {
  it('signs in with the right password and returns the session user for the first organization', async () => {
    const email = await member();
    const result = await attempt(email.toUpperCase(), PASSWORD);
    expect(result).toEqual({
      ok: true,
      user: expect.objectContaining({
        email,
        organizationId: org.id,
        organizationName: 'Acme Outfitters',
        organizationTimezone: 'America/New_York',
        role: 'finance',
        organizations: [{ id: org.id, name: 'Acme Outfitters', slug: 'acme', timezone: 'America/New_York', role: 'finance' }],
      }),
    });
  });

  it('refuses a wrong password as invalid and counts it', async () => {
    const email = await member();
    expect(await attempt(email, 'not the password')).toEqual({ ok: false, reason: 'invalid' });
    expect((await findUserByEmail(db, email))?.failedSignIns).toBe(1);
  });

  it('refuses an unknown email as invalid, the same answer as a wrong password', async () => {
    expect(await attempt('nobody@acme.test', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks after 5 failures in a row, for 15 minutes, even for the right password', async () => {
    const email = await member();
    const results = await failTimes(email, 5);
    expect(results.slice(0, 4).map((r) => r.ok || r.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    expect(results[4]).toEqual({ ok: false, reason: 'locked', lockedUntil: minutes(15) });
    expect(SIGN_IN_POLICY.lockMs).toBe(15 * 60_000);
    expect(await attempt(email, PASSWORD, minutes(14))).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('does not extend the lock while locked', async () => {
    const email = await member();
    await failTimes(email, 5);
    await failTimes(email, 3, minutes(10));
    expect(await attempt(email, PASSWORD, minutes(15))).toMatchObject({ ok: true });
  });

  it('unlocks when the lock expires and starts counting afresh', async () => {
    const email = await member();
    await failTimes(email, 5);
    expect(await attempt(email, 'wrong password!', minutes(16))).toEqual({ ok: false, reason: 'invalid' });
    const user = await findUserByEmail(db, email);
    expect(user?.failedSignIns).toBe(1);
    expect(user?.lockedUntil).toBeNull();
    expect(await attempt(email, PASSWORD, minutes(16))).toMatchObject({ ok: true });
  });

  it('resets the count after a success, so failures must be consecutive to lock', async () => {
    const email = await member();
    await failTimes(email, 4);
    expect(await attempt(email, PASSWORD)).toMatchObject({ ok: true });
    expect((await findUserByEmail(db, email))?.failedSignIns).toBe(0);
    const again = await failTimes(email, 4);
    expect(again.every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
  });

  it('counts concurrent failures without losing any', async () => {
    const email = await member();
    await Promise.all([1, 2, 3, 4, 5].map(() => attempt(email, 'wrong password!')));
    expect(await attempt(email, PASSWORD, minutes(1))).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('refuses a user who belongs to no organization', async () => {
    await createUser(db, { email: 'orphan@acme.test', name: 'Orphan', password: PASSWORD });
    expect(await attempt('orphan@acme.test', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });
});
