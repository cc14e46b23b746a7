import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, listMembershipsForUser } from '@/lib/db/memberships';
import { createOrganization, findOrganizationBySlug } from '@/lib/db/organizations';
import { sqlState } from '@/lib/db/types';
import { createUser, findUserByEmail } from '@/lib/db/users';
import { DRIVERS, openTestDatabase, type TestDatabase } from './databases';
import { newOrganization, PASSWORD } from './fixtures';

describe.each(DRIVERS)('users, organizations and memberships on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.dispose());

  it('stores emails lower-cased and finds users case-insensitively', async () => {
    const user = await createUser(t.db, { email: '  Mixed.Case@Example.TEST ', name: 'Mixed', password: PASSWORD });
    expect(user.email).toBe('mixed.case@example.test');
    expect((await findUserByEmail(t.db, 'MIXED.case@example.test'))?.id).toBe(user.id);
    const duplicate = await createUser(t.db, { email: 'mixed.CASE@example.test', name: 'Again', password: PASSWORD }).catch(
      (e: unknown) => e,
    );
    expect(sqlState(duplicate)).toBe('23505');
  });

  it('stores a bcrypt hash, never the password', async () => {
    await createUser(t.db, { email: 'hash@example.test', name: 'Hash', password: PASSWORD });
    const [row] = await t.db.query<{ password_hash: string }>("select password_hash from users where email = 'hash@example.test'");
    expect(row?.password_hash).toMatch(/^\$2[aby]\$10\$/);
    expect(row?.password_hash).not.toContain(PASSWORD);
  });

  it.each([
    ['shorter than 12 characters', 'short-pass'],
    ['longer than bcrypt’s 72 bytes', 'p'.repeat(73)],
  ])('rejects a password %s', async (_name, password) => {
    await expect(createUser(t.db, { email: `${password.length}@example.test`, name: 'Weak', password })).rejects.toThrow();
  });

  it('lists a user’s organizations with role, oldest membership first, and updates a role in place', async () => {
    const first = await newOrganization(t.db, 'First');
    const second = await newOrganization(t.db, 'Second');
    const user = await createUser(t.db, { email: 'member@example.test', name: 'Member', password: PASSWORD });
    await addMembership(t.db, { userId: user.id, organizationId: first.id, role: 'viewer' });
    await addMembership(t.db, { userId: user.id, organizationId: second.id, role: 'admin' });
    await addMembership(t.db, { userId: user.id, organizationId: first.id, role: 'finance' });
    expect(await listMembershipsForUser(t.db, user.id)).toEqual([
      { organizationId: first.id, name: 'First', slug: first.slug, timezone: 'UTC', role: 'finance' },
      { organizationId: second.id, name: 'Second', slug: second.slug, timezone: 'UTC', role: 'admin' },
    ]);
  });

  it('rejects an unknown role and an invalid time zone', async () => {
    const org = await newOrganization(t.db, 'Roles');
    const user = await createUser(t.db, { email: 'roles@example.test', name: 'Roles', password: PASSWORD });
    const bad = { userId: user.id, organizationId: org.id, role: 'owner' } as unknown as Parameters<typeof addMembership>[1];
    await expect(addMembership(t.db, bad)).rejects.toThrow();
    await expect(createOrganization(t.db, { name: 'Mars', slug: 'mars', timezone: 'Mars/Olympus' })).rejects.toThrow();
    expect(await findOrganizationBySlug(t.db, 'mars')).toBeNull();
  });
});
