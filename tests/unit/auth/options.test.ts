import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session-user';

vi.mock('@/lib/db/client', () => ({ getDb: () => Promise.reject(new Error('callbacks must not touch the database')) }));
const { authOptions, jwtCallback, sessionCallback } = await import('@/lib/auth/options');

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

describe('jwt callback', () => {
  it('copies the session user into the token at sign-in', () => {
    const token = jwtCallback({ token: BASE_TOKEN, user: { id: 'user-1', sessionUser: USER } });
    expect(token.user).toEqual(USER);
    expect(token.sub).toBe('user-1');
  });

  it('keeps the token unchanged on later requests', () => {
    const token = { ...BASE_TOKEN, user: USER };
    expect(jwtCallback({ token })).toBe(token);
  });

  it('switches to another organization the user belongs to, with that organization’s role', () => {
    const token = jwtCallback({ token: { ...BASE_TOKEN, user: USER }, trigger: 'update', session: { organizationId: globex.id } });
    expect(token.user).toMatchObject({ organizationId: globex.id, organizationName: 'Globex Trading', role: 'viewer' });
  });

  it.each([
    ['an organization the user is not a member of', { organizationId: 'org-other' }],
    ['a malformed update', 'org-globex'],
  ])('ignores an update to %s', (_name, session) => {
    const token = { ...BASE_TOKEN, user: USER };
    expect(jwtCallback({ token, trigger: 'update', session }).user).toEqual(USER);
  });

  it('takes only organizationId from an update: role and organizations come from the signed token', () => {
    const viewer: SessionUser = {
      ...USER,
      organizationId: globex.id,
      organizationName: globex.name,
      organizationTimezone: globex.timezone,
      role: 'viewer',
      organizations: [globex],
    };
    const forged = { organizationId: globex.id, role: 'admin', organizations: [{ ...globex, role: 'admin' }] };
    const token = jwtCallback({ token: { ...BASE_TOKEN, user: viewer }, trigger: 'update', session: forged });
    expect(token.user).toEqual(viewer);
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
