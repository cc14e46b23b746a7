import 'server-only';
import { authStateCache } from '@/lib/auth/auth-state-cache';
import { type Role } from '@/lib/auth/roles';
import { roleSchema } from '@/lib/auth/role-schema';
import type { Db } from '@/lib/db/types';
import { notFound } from '@/lib/http/api-error';
import { recordAudit, type Actor } from './audit';
import { lastAdmin } from './errors';

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly lastSignInAt: Date | null;
  readonly joinedAt: Date;
}

interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: string;
  last_sign_in_at: Date | null;
  created_at: Date;
}

/** Whether the organization keeps an admin after `userId` gets `role` (null: is removed). */
export function keepsAnAdmin(members: readonly { userId: string; role: Role }[], userId: string, role: Role | null): boolean {
  return members.some((member) => (member.userId === userId ? role === 'admin' : member.role === 'admin'));
}

export async function listMembers(db: Db, organizationId: string): Promise<Member[]> {
  const rows = await db.query<MemberRow>(
    `select m.user_id, u.email, u.name, m.role, u.last_sign_in_at, m.created_at
     from memberships m join users u on u.id = m.user_id where m.organization_id = $1 order by u.name, u.email`,
    [organizationId],
  );
  return rows.map((row) => ({
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: roleSchema.parse(row.role),
    lastSignInAt: row.last_sign_in_at,
    joinedAt: row.created_at,
  }));
}

async function change(db: Db, actor: Actor, userId: string, role: Role | null): Promise<void> {
  await db.transaction(async (tx) => {
    // Locks the organization's memberships, so two admins demoting each other cannot both succeed.
    const rows = await tx.query<{ user_id: string; role: string; email: string }>(
      `select m.user_id, m.role, u.email from memberships m join users u on u.id = m.user_id
       where m.organization_id = $1 for update of m`,
      [actor.organizationId],
    );
    const members = rows.map((row) => ({ userId: row.user_id, role: roleSchema.parse(row.role), email: row.email }));
    const target = members.find((member) => member.userId === userId);
    if (!target) throw notFound('Member');
    if (!keepsAnAdmin(members, userId, role)) throw lastAdmin();
    if (role === null) {
      await tx.query('delete from memberships where organization_id = $1 and user_id = $2', [actor.organizationId, userId]);
    } else {
      await tx.query('update memberships set role = $3 where organization_id = $1 and user_id = $2', [actor.organizationId, userId, role]);
    }
    await recordAudit(tx, actor, {
      action: role === null ? 'member.remove' : 'member.role_change',
      target: { type: 'user', id: userId, label: target.email },
      before: { role: target.role },
      after: role === null ? null : { role },
    });
  });
  // The member's next request reads the new role (or none) on every instance.
  await authStateCache().invalidate(userId);
}

export function changeRole(db: Db, actor: Actor, userId: string, role: Role): Promise<void> {
  return change(db, actor, userId, role);
}

export function removeMember(db: Db, actor: Actor, userId: string): Promise<void> {
  return change(db, actor, userId, null);
}
