import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session-user';
import type { AuthState } from '@/lib/db/sessions';

vi.mock('@/lib/db/client', () => ({ getDb: () => Promise.reject(new Error('callbacks must not touch the database')) }));
const { authOptions, createJwtCallback, sessionCallback } = await import('@/lib/auth/options');

const acme = { id: 'org-acme', name: 'Acme Outfitters', slug: 'acme', timezone: 'America/New_York', role: 'admin' as const };
const globex = { id: 'org-globex', name: 'Globex Trading', slug: 'globex', timezone: 'Europe/Berlin', role: 'viewer' as const };
const USER: SessionUser = {
  userId: 'user-1',
  email: 'pat@example.test',
  name: 'Pat',
  organizationId: acme.id,
  organizationName: acme.name,
  organizationTimezone: acme.timezone,
  role: 'admin',
  organizations: [acme, globex],
};
const BASE_TOKEN: JWT = { sub: 'user-1', email: 'pat@example.test', name: 'Pat' };
const SESSION: Session = { expires: '2099-01-01T00:00:00Z' };

describe('authOptions', () => {
  it('uses 8-hour JWT sessions, the /sign-in page, and the configured secret', () => {
    expect(authOptions.session).toEqual({ strategy: 'jwt', maxAge: 8 * 60 * 60 });
    expect(authOptions.pages?.signIn).toBe('/sign-in');
    expect(authOptions.secret).toEqual(expect.any(String));
    expect(authOptions.secret?.length).toBeGreaterThanOrEqual(32);
  });
});

const STATE: AuthState = {
  sessionVersion: 3,
  lockedUntil: null,
  activeSessionIds: ['sess_1'],
  memberships: [acme, globex].map(({ id, ...org }) => ({ organizationId: id, ...org })),
};
const SIGNED_IN: JWT = { ...BASE_TOKEN, user: { ...USER, sessionId: 'sess_1' }, sessionVersion: 3 };

describe('jwt callback', () => {
  const jwt = createJwtCallback(async () => STATE);

  it('copies the session user and its session version into the token at sign-in', async () => {
    const token = await jwt({ token: BASE_TOKEN, user: { id: 'user-1', sessionUser: USER, sessionVersion: 3 } });
    expect(token.user).toEqual(USER);
    expect(token.sessionVersion).toBe(3);
    expect(token.sub).toBe('user-1');
  });

  it('keeps a token whose session is live, with role and organizations as the database has them', async () => {
    const token = await jwt({ token: SIGNED_IN });
    expect(token.user).toEqual({ ...USER, sessionId: 'sess_1' });
  });

  it('drops the user from a token whose session was ended, so the request is signed out', async () => {
    const ended = createJwtCallback(async () => ({ ...STATE, activeSessionIds: [] }));
    expect((await ended({ token: SIGNED_IN })).user).toBeUndefined();
  });

  it('switches to another organization the user belongs to, with that organization’s role', async () => {
    const token = await jwt({ token: SIGNED_IN, trigger: 'update', session: { organizationId: globex.id } });
    expect(token.user).toMatchObject({ organizationId: globex.id, organizationName: 'Globex Trading', role: 'viewer' });
  });

  it.each([
    ['an organization the user is not a member of', { organizationId: 'org-other' }],
    ['a malformed update', 'org-globex'],
  ])('ignores an update to %s', async (_name, session) => {
    expect((await jwt({ token: SIGNED_IN, trigger: 'update', session })).user).toEqual(SIGNED_IN.user);
  });

  it('takes only organizationId from an update: role and organizations come from the database', async () => {
    const forged = { organizationId: globex.id, role: 'admin', organizations: [{ ...globex, role: 'admin' }] };
    const token = await jwt({ token: SIGNED_IN, trigger: 'update', session: forged });
    expect(token.user).toMatchObject({ organizationId: globex.id, role: 'viewer', organizations: [acme, globex] });
  });
});

describe('session callback', () => {
  it('exposes the token’s user as session.user', () => {
    expect(sessionCallback({ session: SESSION, token: { ...BASE_TOKEN, user: USER } }).user).toEqual(USER);
  });

  it('leaves session.user empty for a token without a valid user', () => {
    expect(sessionCallback({ session: SESSION, token: BASE_TOKEN }).user).toBeUndefined();
    const tampered = { ...BASE_TOKEN, user: { ...USER, role: 'owner' } } as unknown as JWT;
    expect(sessionCallback({ session: SESSION, token: tampered }).user).toBeUndefined();
  });
});
