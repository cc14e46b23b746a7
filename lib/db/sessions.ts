import 'server-only';
import { newSessionId } from '@/lib/crypto/ids';
import { listMembershipsForUser, type MembershipSummary } from './memberships';
import type { Queryable } from './types';

/** As long as a JWT lives: a session row older than this cannot back a valid token any more. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;

export interface UserSession {
  readonly id: string;
  readonly userAgent: string;
  readonly createdAt: Date;
}

/** What a token is checked against on each request: all of it changes when an admin or the user acts. */
export interface AuthState {
  readonly sessionVersion: number;
  readonly lockedUntil: Date | null;
  /** Sessions neither ended nor older than SESSION_LIFETIME_MS. */
  readonly activeSessionIds: readonly string[];
  readonly memberships: readonly MembershipSummary[];
}

/** Records a sign-in: a new session row and the user's last sign-in time. */
export async function startSession(
  db: Queryable,
  input: { userId: string; userAgent?: string; now?: Date },
): Promise<{ sessionId: string; sessionVersion: number }> {
  const sessionId = newSessionId();
  const now = input.now ?? new Date();
  await db.query('insert into user_sessions (id, user_id, user_agent, created_at) values ($1, $2, $3, $4)', [
    sessionId,
    input.userId,
    (input.userAgent ?? '').slice(0, 300),
    now,
  ]);
  const [row] = await db.query<{ session_version: number }>(
    'update users set last_sign_in_at = $2 where id = $1 returning session_version',
    [input.userId, now],
  );
  if (!row) throw new Error('sign-in of an unknown user');
  return { sessionId, sessionVersion: row.session_version };
}

/** The user's live sessions, newest first. */
export async function listActiveSessions(db: Queryable, userId: string, now = new Date()): Promise<UserSession[]> {
  const rows = await db.query<{ id: string; user_agent: string; created_at: Date }>(
    `select id, user_agent, created_at from user_sessions
     where user_id = $1 and revoked_at is null and created_at > $2 order by created_at desc`,
    [userId, new Date(now.getTime() - SESSION_LIFETIME_MS)],
  );
  return rows.map((row) => ({ id: row.id, userAgent: row.user_agent, createdAt: row.created_at }));
}

/** Ends one of the user's sessions; false when it is not theirs or already ended. */
export async function endSession(db: Queryable, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    'update user_sessions set revoked_at = now() where user_id = $1 and id = $2 and revoked_at is null returning id',
    [userId, sessionId],
  );
  return rows.length > 0;
}

/** Ends every session of the user except `keep` (the one asking); returns how many ended. */
export async function endOtherSessions(db: Queryable, userId: string, keep: string | null): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `update user_sessions set revoked_at = now()
     where user_id = $1 and revoked_at is null and ($2::text is null or id <> $2) returning id`,
    [userId, keep],
  );
  return rows.length;
}

/** "Sign out everywhere": every token of the user, with or without a session row, stops working. */
export async function bumpSessionVersion(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set session_version = session_version + 1 where id = $1', [userId]);
  await endOtherSessions(db, userId, null);
}

/** The user's current auth state; null when the user no longer exists. */
export async function loadAuthState(db: Queryable, userId: string, now = new Date()): Promise<AuthState | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) return null;
  const [user] = await db.query<{ session_version: number; locked_until: Date | null }>(
    'select session_version, locked_until from users where id = $1',
    [userId],
  );
  if (!user) return null;
  const sessions = await listActiveSessions(db, userId, now);
  return {
    sessionVersion: user.session_version,
    lockedUntil: user.locked_until,
    activeSessionIds: sessions.map((s) => s.id),
    memberships: await listMembershipsForUser(db, userId),
  };
}
