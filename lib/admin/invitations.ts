import 'server-only';
import bcrypt from 'bcryptjs';
import { createHash, randomBytes } from 'node:crypto';
import { authStateCache } from '@/lib/auth/auth-state-cache';
import { type Role } from '@/lib/auth/roles';
import { roleSchema } from '@/lib/auth/role-schema';
import { addMembership } from '@/lib/db/memberships';
import type { Db, Queryable } from '@/lib/db/types';
import { createUser, findUserByEmail } from '@/lib/db/users';
import { ApiError } from '@/lib/http/api-error';
import { recordAudit, type Actor } from './audit';
import { FieldError } from './errors';
import { newPasswordSchema } from './schemas';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface PendingInvitation {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly expiresAt: Date;
  readonly createdAt: Date;
}

export type InvitationStatus = 'valid' | 'expired' | 'used' | 'revoked' | 'unknown';

export interface InvitationView {
  readonly status: InvitationStatus;
  readonly organizationName: string | null;
  readonly email: string | null;
  readonly role: Role | null;
  /** The invited email already has an account: accepting asks for its password, not a new one. */
  readonly hasAccount: boolean;
}

interface InvitationRow {
  id: string;
  organization_id: string;
  organization_name: string;
  email: string;
  role: string;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

/** Creates a single-use invitation; the token is returned once (only its hash is stored). */
export async function createInvitation(
  db: Db,
  actor: Actor,
  input: { email: string; role: Role; now?: Date },
): Promise<{ token: string; invitation: PendingInvitation }> {
  const now = input.now ?? new Date();
  const [member] = await db.query<{ user_id: string }>(
    'select m.user_id from memberships m join users u on u.id = m.user_id where m.organization_id = $1 and u.email = $2',
    [actor.organizationId, input.email],
  );
  if (member) throw new FieldError({ email: 'This person is already a member.' });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const [row] = await db.query<{ id: string; created_at: Date }>(
    `insert into invitations (organization_id, email, role, token_hash, invited_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id, created_at`,
    [actor.organizationId, input.email, input.role, hashToken(token), actor.userId, now, expiresAt],
  );
  if (!row) throw new Error('insert into invitations returned no row');
  await recordAudit(db, actor, {
    action: 'invitation.create',
    target: { type: 'invitation', id: row.id, label: input.email },
    after: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString() },
  });
  return { token, invitation: { id: row.id, email: input.email, role: input.role, expiresAt, createdAt: row.created_at } };
}

export async function listPendingInvitations(db: Db, organizationId: string, now = new Date()): Promise<PendingInvitation[]> {
  const rows = await db.query<InvitationRow>(
    `select i.*, '' as organization_name from invitations i where organization_id = $1
     and accepted_at is null and revoked_at is null and expires_at > $2 order by created_at desc`,
    [organizationId, now],
  );
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: roleSchema.parse(row.role),
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  }));
}

export async function revokeInvitation(db: Db, actor: Actor, invitationId: string): Promise<boolean> {
  const rows = await db.query<{ email: string }>(
    `update invitations set revoked_at = now() where organization_id = $1 and id = $2
     and accepted_at is null and revoked_at is null returning email`,
    [actor.organizationId, invitationId],
  );
  const [row] = rows;
  if (row) await recordAudit(db, actor, { action: 'invitation.revoke', target: { type: 'invitation', id: invitationId, label: row.email } });
  return rows.length > 0;
}

async function findByToken(db: Queryable, token: string): Promise<InvitationRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db.query<InvitationRow>(
    `select i.*, o.name as organization_name from invitations i join organizations o on o.id = i.organization_id
     where i.token_hash = $1`,
    [hashToken(token)],
  );
  return row ?? null;
}

function statusOf(row: InvitationRow | null, now: Date): InvitationStatus {
  if (!row) return 'unknown';
  if (row.accepted_at) return 'used';
  if (row.revoked_at) return 'revoked';
  if (row.expires_at <= now) return 'expired';
  return 'valid';
}

export async function viewInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView> {
  const row = await findByToken(db, token);
  const status = statusOf(row, now);
  if (!row || status !== 'valid') return { status, organizationName: null, email: null, role: null, hasAccount: false };
  const existing = await findUserByEmail(db, row.email);
  return { status, organizationName: row.organization_name, email: row.email, role: roleSchema.parse(row.role), hasAccount: existing !== null };
}

const STATUS_TEXT: Record<Exclude<InvitationStatus, 'valid'>, string> = {
  expired: 'This invitation has expired. Ask an admin for a new one.',
  used: 'This invitation has already been used.',
  revoked: 'This invitation was withdrawn.',
  unknown: 'This invitation link is not valid.',
};

/**
 * Accepts the invitation: a new account with the name and password given, or, when the email already has
 * an account, that account after checking its password. Claims the invitation atomically, so it works once.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: { name: string; password: string; now?: Date },
): Promise<{ email: string; organizationId: string }> {
  const now = input.now ?? new Date();
  const userId = await db.transaction(async (tx) => {
    const row = await findByToken(tx, token);
    const status = statusOf(row, now);
    if (!row || status !== 'valid') throw new ApiError(410, `invitation_${status}`, STATUS_TEXT[status === 'valid' ? 'unknown' : status]);
    const existing = await findUserByEmail(tx, row.email);
    if (existing && !(await bcrypt.compare(input.password, existing.passwordHash))) {
      throw new FieldError({ password: 'This is not the password of your existing account.' });
    }
    if (!existing) {
      const password = newPasswordSchema.safeParse(input.password);
      if (!password.success) throw new FieldError({ password: password.error.issues[0]?.message ?? 'Choose another password' });
    }
    const claimed = await tx.query<{ id: string }>(
      'update invitations set accepted_at = $2 where id = $1 and accepted_at is null and revoked_at is null returning id',
      [row.id, now],
    );
    if (claimed.length === 0) throw new ApiError(410, 'invitation_used', STATUS_TEXT.used);
    const user = existing ?? (await createUser(tx, { email: row.email, name: input.name, password: input.password }));
    await addMembership(tx, { userId: user.id, organizationId: row.organization_id, role: roleSchema.parse(row.role) });
    await recordAudit(tx, { userId: user.id, email: user.email, organizationId: row.organization_id }, {
      action: 'invitation.accept',
      target: { type: 'user', id: user.id, label: user.email },
      after: { role: row.role, newAccount: existing === null },
    });
    return { id: user.id, email: user.email, organizationId: row.organization_id };
  });
  await authStateCache().invalidate(userId.id);
  return { email: userId.email, organizationId: userId.organizationId };
}
