import 'server-only';
import bcrypt from 'bcryptjs';
import { authStateCache } from '@/lib/auth/auth-state-cache';
import { bumpSessionVersion, endOtherSessions, endSession, listActiveSessions, type UserSession } from '@/lib/db/sessions';
import type { Db } from '@/lib/db/types';
import { hashPassword } from '@/lib/db/users';
import { notFound } from '@/lib/http/api-error';
import { recordAudit, type Actor } from './audit';
import { FieldError } from './errors';

export function mySessions(db: Db, userId: string): Promise<UserSession[]> {
  return listActiveSessions(db, userId);
}

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(
  db: Db,
  actor: Actor & { userId: string; sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [row] = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [actor.userId]);
  if (!row) throw notFound('User');
  if (!(await bcrypt.compare(input.currentPassword, row.password_hash))) {
    throw new FieldError({ currentPassword: 'This is not your current password.' });
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $2 where id = $1', [actor.userId, hash]);
    await endOtherSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, actor, { action: 'account.password_change', target: { type: 'user', id: actor.userId, label: actor.email } });
  });
  await authStateCache().invalidate(actor.userId);
}

export async function endMySession(db: Db, actor: Actor & { userId: string }, sessionId: string): Promise<void> {
  if (!(await endSession(db, actor.userId, sessionId))) throw notFound('Session');
  await recordAudit(db, actor, { action: 'account.session_end', target: { type: 'session', id: sessionId, label: actor.email } });
  await authStateCache().invalidate(actor.userId);
}

/** Every session of the user ends, this one included. */
export async function signOutEverywhere(db: Db, actor: Actor & { userId: string }): Promise<void> {
  await bumpSessionVersion(db, actor.userId);
  await recordAudit(db, actor, { action: 'account.sign_out_everywhere', target: { type: 'user', id: actor.userId, label: actor.email } });
  await authStateCache().invalidate(actor.userId);
}
