import type { AuthState } from '@/lib/db/sessions';
import type { SessionUser } from './session-user';

/** What a JWT claims about its session, besides the user. */
export interface TokenSession {
  readonly user: SessionUser;
  readonly sessionId?: string;
  readonly sessionVersion?: number;
}

/**
 * The session user as the database says they are now, or null when the token must no longer work:
 * the user is gone or locked, signed out everywhere (version), this session was ended, or they belong
 * to no organization. Role and organizations always come from the state, never from the token.
 */
export function checkSession(token: TokenSession, state: AuthState | null, now = new Date()): SessionUser | null {
  if (!state) return null;
  if (token.sessionVersion !== state.sessionVersion) return null;
  if (state.lockedUntil && state.lockedUntil > now) return null;
  if (!token.sessionId || !state.activeSessionIds.includes(token.sessionId)) return null;
  const organizations = state.memberships.map(({ organizationId, name, slug, timezone, role }) => ({
    id: organizationId,
    name,
    slug,
    timezone,
    role,
  }));
  const current = organizations.find((org) => org.id === token.user.organizationId) ?? organizations[0];
  if (!current) return null;
  return {
    ...token.user,
    sessionId: token.sessionId,
    organizationId: current.id,
    organizationName: current.name,
    organizationTimezone: current.timezone,
    role: current.role,
    organizations,
  };
}
