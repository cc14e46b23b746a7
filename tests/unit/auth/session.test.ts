import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_PATH_HEADER } from '@/lib/auth/redirect';
import type { SessionUser } from '@/lib/auth/session-user';
import { ApiError } from '@/lib/http/api-error';

const getServerSession = vi.hoisted(() => vi.fn());
vi.mock('next-auth', () => ({ getServerSession }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));
// What proxy.ts hands a page: the path and query it was asked for.
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => requestHeaders.current }));
vi.mock('@/lib/db/client', () => ({ getDb: () => Promise.reject(new Error('guards must not touch the database')) }));

const { getSessionUser, requireApiSession, requirePageSession } = await import('@/lib/auth/session');

const org = { id: 'org-1', name: 'Acme Outfitters', slug: 'acme', timezone: 'America/New_York', role: 'finance' as const };
const FINANCE: SessionUser = {
  userId: 'user-1',
  email: 'finance@acme.test',
  name: 'Avery Finance',
  organizationId: org.id,
  organizationName: org.name,
  organizationTimezone: org.timezone,
  role: 'finance',
  organizations: [org],
};

const signedIn = (user: unknown) => getServerSession.mockResolvedValue({ expires: '2099-01-01T00:00:00Z', user });

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('session guards', () => {
  beforeEach(() => getServerSession.mockReset());

  it('returns the session user from the JWT session', async () => {
    signedIn(FINANCE);
    expect(await getSessionUser()).toEqual(FINANCE);
  });

  it('treats a missing or malformed session user as signed out', async () => {
    getServerSession.mockResolvedValue(null);
    expect(await getSessionUser()).toBeNull();
    signedIn({ email: 'finance@acme.test' });
    expect(await getSessionUser()).toBeNull();
  });

  it('API: 401 unauthenticated when signed out', async () => {
    getServerSession.mockResolvedValue(null);
    expect(await apiError(requireApiSession())).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('API: 403 forbidden below the minimum role, the user at or above it', async () => {
    signedIn(FINANCE);
    expect(await apiError(requireApiSession('admin'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await requireApiSession('finance')).toEqual(FINANCE);
    expect(await requireApiSession()).toEqual(FINANCE);
  });

  it('pages: redirect to /sign-in when signed out and to /?denied=1 below the minimum role', async () => {
    getServerSession.mockResolvedValue(null);
    await expect(requirePageSession()).rejects.toThrow(/^redirect:\/sign-in\?callbackUrl=%2F$/);
    signedIn({ ...FINANCE, role: 'viewer' });
    await expect(requirePageSession('finance')).rejects.toThrow('redirect:/?denied=1');
    signedIn(FINANCE);
    expect(await requirePageSession('finance')).toEqual(FINANCE);
  });

  it('pages: an expired session keeps the deep link the proxy handed in, and never another host', async () => {
    getServerSession.mockResolvedValue(null);
    requestHeaders.current = new Headers({ [PAGE_PATH_HEADER]: '/transactions?payout_id=42&from=2026-11-01' });
    await expect(requirePageSession('finance')).rejects.toThrow(
      `redirect:/sign-in?callbackUrl=${encodeURIComponent('/transactions?payout_id=42&from=2026-11-01')}`,
    );
    requestHeaders.current = new Headers({ [PAGE_PATH_HEADER]: '//evil.example/x' });
    await expect(requirePageSession()).rejects.toThrow(/^redirect:\/sign-in\?callbackUrl=%2F$/);
    requestHeaders.current = new Headers();
  });
});
