import type { Metadata } from 'next';
import { MembersManager } from '@/components/settings/members-manager';
import { listPendingInvitations } from '@/lib/admin/invitations';
import { listMembers } from '@/lib/admin/members';
import { requirePageSession } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage() {
  const user = await requirePageSession('admin');
  const db = await getDb();
  const [members, invitations] = await Promise.all([listMembers(db, user.organizationId), listPendingInvitations(db, user.organizationId)]);
  return (
    <MembersManager
      members={members.map((m) => ({ ...m, lastSignInAt: m.lastSignInAt?.toISOString() ?? null, joinedAt: undefined, isMe: m.userId === user.userId }))}
      invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString() }))}
    />
  );
}
