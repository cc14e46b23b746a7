import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { forbidden, unauthenticated } from '@/lib/http/api-error';
import { authOptions } from './options';
import { PAGE_PATH_HEADER, signInHref } from './redirect';
import { hasRole, type Role } from './roles';
import { sessionUserSchema, type SessionUser } from './session-user';

/** The signed-in user from the JWT cookie (no database read), or null; once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = sessionUserSchema.safeParse(session?.user);
  return user.success ? user.data : null;
});

/**
 * For pages: redirects to /sign-in when signed out (an expired or revoked session too), with the page's path
 * and query as the callbackUrl; to /?denied=1 when the role is below `minRole`.
 */
export async function requirePageSession(minRole: Role = 'viewer'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInHref((await headers()).get(PAGE_PATH_HEADER)));
  if (!hasRole(user.role, minRole)) redirect('/?denied=1');
  return user;
}

/** For route handlers: throws ApiError 401 unauthenticated / 403 forbidden. */
export async function requireApiSession(minRole: Role = 'viewer'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw unauthenticated();
  if (!hasRole(user.role, minRole)) throw forbidden();
  return user;
}
