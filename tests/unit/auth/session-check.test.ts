import { describe, expect, it } from 'vitest';
import { checkSession, type TokenSession } from '@/lib/auth/session-check';
import type { SessionUser } from '@/lib/auth/session-user';
import type { AuthState } from '@/lib/db/sessions';

const NOW = new Date('2026-06-01T12:00:00Z');
const acme = { organizationId: 'org-acme', name: 'Acme', slug: 'acme', timezone: 'America/New_York', role: 'admin' as const };
const globex = { organizationId: 'org-globex', name: 'Globex', slug: 'globex', timezone: 'Europe/Berlin', role: 'viewer' as const };
const USER: SessionUser = {
  userId: 'user-1',
  email: 'pat@example.test',
  name: 'Pat',
  organizationId: 'org-acme',
  organizationName: 'Acme',
  organizationTimezone: 'America/New_York',
  role: 'admin',
  organizations: [{ id: 'org-acme', name: 'Acme', slug: 'acme', timezone: 'America/New_York', role: 'admin' }],
  sessionId: 'sess_a',
};
const TOKEN: TokenSession = { user: USER, sessionId: 'sess_a', sessionVersion: 2 };
const STATE: AuthState = { sessionVersion: 2, lockedUntil: null, activeSessionIds: ['sess_a', 'sess_b'], memberships: [acme] };

describe('checkSession', () => {
  it('accepts a token of a live session at the current version', () => {
    expect(checkSession(TOKEN, STATE, NOW)).toEqual(USER);
  });

  it.each<[string, AuthState | null, TokenSession?]>([
    ['the user no longer exists', null],
    ['the user signed out everywhere (newer session version)', { ...STATE, sessionVersion: 3 }],
    ['the account is locked', { ...STATE, lockedUntil: new Date(NOW.getTime() + 60_000) }],
    ['this session was ended', { ...STATE, activeSessionIds: ['sess_b'] }],
    ['the user was removed from every organization', { ...STATE, memberships: [] }],
    ['the token predates session ids', STATE, { user: USER, sessionVersion: 2 }],
    ['the token has no session version', STATE, { user: USER, sessionId: 'sess_a' }],
  ])('refuses the token when %s', (_case, state, token = TOKEN) => {
    expect(checkSession(token, state, NOW)).toBeNull();
  });

  it('accepts again once a lock has expired', () => {
    expect(checkSession(TOKEN, { ...STATE, lockedUntil: new Date(NOW.getTime() - 1) }, NOW)).not.toBeNull();
  });

  it('takes the role from the database, not the token: a downgrade applies at once', () => {
    const downgraded = checkSession(TOKEN, { ...STATE, memberships: [{ ...acme, role: 'viewer' }] }, NOW);
    expect(downgraded).toMatchObject({ organizationId: 'org-acme', role: 'viewer' });
  });

  it('moves a user removed from the current organization to one they still belong to', () => {
    const moved = checkSession(TOKEN, { ...STATE, memberships: [globex] }, NOW);
    expect(moved).toMatchObject({ organizationId: 'org-globex', organizationName: 'Globex', role: 'viewer' });
    expect(moved?.organizations).toEqual([{ id: 'org-globex', name: 'Globex', slug: 'globex', timezone: 'Europe/Berlin', role: 'viewer' }]);
  });

  it('picks up a renamed organization and a new time zone', () => {
    const renamed = checkSession(TOKEN, { ...STATE, memberships: [{ ...acme, name: 'Acme Ltd', timezone: 'Asia/Tokyo' }] }, NOW);
    expect(renamed).toMatchObject({ organizationName: 'Acme Ltd', organizationTimezone: 'Asia/Tokyo' });
  });
});
