import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/auth/credentials';
import { addMembership } from '@/lib/db/memberships';
import { openDb } from '@/lib/db/open';
import { createOrganization, type Organization } from '@/lib/db/organizations';
import type { Db } from '@/lib/db/types';
import { createUser } from '@/lib/db/users';

const PASSWORD = 'correct horse battery';

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

const attempt = (email: string, password: string) => verifyCredentials(db, { email, password });

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

  it('refuses a wrong password as invalid', async () => {
    const email = await member();
    expect(await attempt(email, 'not the password')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an unknown email as invalid, the same answer as a wrong password', async () => {
    expect(await attempt('nobody@acme.test', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('never locks an account by itself: limits are per client (see the limiter), so nobody can lock out another user', async () => {
    const email = await member();
    for (let i = 0; i < 8; i += 1) expect(await attempt(email, 'wrong password!')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(email, PASSWORD)).toMatchObject({ ok: true });
  });

  it('refuses a user who belongs to no organization', async () => {
    await createUser(db, { email: 'orphan@acme.test', name: 'Orphan', password: PASSWORD });
    expect(await attempt('orphan@acme.test', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });
});
