import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/admin/audit';
import { acceptInvitation, createInvitation, INVITATION_LIFETIME_MS, viewInvitation } from '@/lib/admin/invitations';
import { changeRole, listMembers, removeMember } from '@/lib/admin/members';
import type { Organization } from '@/lib/db/organizations';
import { findUserByEmail } from '@/lib/db/users';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../db/databases';
import { newMember, newOrganization } from '../db/fixtures';

describe.each(DRIVERS)('members and invitations on %s', (kind) => {
  let t: TestDatabase;
  let acme: Organization;
  let globex: Organization;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    acme = await newOrganization(t.db, 'Acme');
    globex = await newOrganization(t.db, 'Globex');
  });
  afterAll(() => t.dispose());

  const actorIn = (organizationId: string, email = 'admin@example.test') => ({ userId: null, email, organizationId });

  it('the last admin can be neither downgraded nor removed; with a second admin both work', async () => {
    const admin = await newMember(t.db, acme.id, 'admin');
    await expect(changeRole(t.db, actorIn(acme.id), admin.id, 'viewer')).rejects.toMatchObject({ status: 409, code: 'last_admin' });
    await expect(removeMember(t.db, actorIn(acme.id), admin.id)).rejects.toMatchObject({ status: 409 });
    const second = await newMember(t.db, acme.id, 'finance');
    await changeRole(t.db, actorIn(acme.id), second.id, 'admin');
    await changeRole(t.db, actorIn(acme.id), admin.id, 'viewer');
    expect((await listMembers(t.db, acme.id)).find((m) => m.userId === admin.id)?.role).toBe('viewer');
    await removeMember(t.db, actorIn(acme.id), admin.id);
    expect((await listMembers(t.db, acme.id)).some((m) => m.userId === admin.id)).toBe(false);
    expect((await listAudit(t.db, acme.id)).map((e) => e.action).slice(0, 3)).toEqual(['member.remove', 'member.role_change', 'member.role_change']);
  });

  it('an admin of another organization cannot change or remove this one’s members (404)', async () => {
    const member = await newMember(t.db, acme.id, 'finance');
    await expect(changeRole(t.db, actorIn(globex.id), member.id, 'viewer')).rejects.toMatchObject({ status: 404 });
    await expect(removeMember(t.db, actorIn(globex.id), member.id)).rejects.toMatchObject({ status: 404 });
  });

  it('an invitation creates the account once; a second use and an expired link create nothing', async () => {
    const email = `new-${kind}@example.test`;
    const { token } = await createInvitation(t.db, actorIn(acme.id), { email, role: 'finance' });
    expect(await viewInvitation(t.db, token)).toMatchObject({ status: 'valid', email, role: 'finance', hasAccount: false });
    await acceptInvitation(t.db, token, { name: 'New Person', password: 'a long enough password' });
    expect((await listMembers(t.db, acme.id)).find((m) => m.email === email)?.role).toBe('finance');
    expect((await viewInvitation(t.db, token)).status).toBe('used');
    await expect(acceptInvitation(t.db, token, { name: 'Again', password: 'a long enough password' })).rejects.toMatchObject({ status: 410 });

    const late = `late-${kind}@example.test`;
    const old = new Date(Date.now() - INVITATION_LIFETIME_MS - 1000);
    const expired = await createInvitation(t.db, actorIn(acme.id), { email: late, role: 'viewer', now: old });
    expect((await viewInvitation(t.db, expired.token)).status).toBe('expired');
    await expect(acceptInvitation(t.db, expired.token, { name: 'Late', password: 'a long enough password' })).rejects.toMatchObject({
      status: 410,
      code: 'invitation_expired',
    });
    expect(await findUserByEmail(t.db, late)).toBeNull();
    expect((await viewInvitation(t.db, 'not-a-real-token-at-all-xxxxxxxx')).status).toBe('unknown');
  });

  it('an existing account joins with its own password, never a new one', async () => {
    const existing = await newMember(t.db, globex.id, 'viewer');
    const { token } = await createInvitation(t.db, actorIn(acme.id), { email: existing.email, role: 'viewer' });
    expect((await viewInvitation(t.db, token)).hasAccount).toBe(true);
    await expect(acceptInvitation(t.db, token, { name: 'x', password: 'not their password' })).rejects.toMatchObject({ fields: { password: expect.any(String) } });
    await acceptInvitation(t.db, token, { name: 'x', password: 'correct horse battery' });
    expect((await listMembers(t.db, acme.id)).some((m) => m.userId === existing.id)).toBe(true);
  });

  it('refuses to invite someone who is already a member, and a weak password for a new account', async () => {
    const member = await newMember(t.db, acme.id, 'viewer');
    await expect(createInvitation(t.db, actorIn(acme.id), { email: member.email, role: 'admin' })).rejects.toMatchObject({ fields: { email: expect.any(String) } });
    const { token } = await createInvitation(t.db, actorIn(acme.id), { email: `weak-${kind}@example.test`, role: 'viewer' });
    await expect(acceptInvitation(t.db, token, { name: 'Weak', password: 'short' })).rejects.toMatchObject({ fields: { password: expect.any(String) } });
    expect((await viewInvitation(t.db, token)).status).toBe('valid');
  });
});
