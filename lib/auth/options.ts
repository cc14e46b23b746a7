import 'server-only';
import type { NextAuthOptions, Session, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db/client';
import { endSession, startSession, type AuthState } from '@/lib/db/sessions';
import { log } from '@/lib/log';
import { authStateCache, type TokenClaims } from './auth-state-cache';
import { signInAttempt, type VerifyResult } from './credentials';
import { clientIp, signInLimiter } from './limiter';
import { safeCallbackPath } from './redirect';
import { checkSession } from './session-check';
import { sessionUserSchema, switchOrganization } from './session-user';

const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** The message `authorize` throws when the client made too many attempts; next-auth passes it on as `?error=locked`. */
export const LOCKED_ERROR = 'locked';
/** Thrown instead of a database or internal error, whose message next-auth would send to the browser. */
export const UNAVAILABLE_ERROR = 'unavailable';

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) });
const switchSchema = z.object({ organizationId: z.string() });

type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** next-auth's authorize: a user on success, null for a wrong email or password, throws LOCKED_ERROR when limited. */
export async function authorizeCredentials(input: unknown, headers?: RequestHeaders): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  let result: VerifyResult;
  let session: { sessionId: string; sessionVersion: number } | null = null;
  try {
    const db = await getDb();
    result = await signInAttempt(db, signInLimiter(), { ...parsed.data, ip: clientIp(headers) });
    const agent = headers?.['user-agent'];
    if (result.ok) session = await startSession(db, { userId: result.user.userId, userAgent: typeof agent === 'string' ? agent : '' });
  } catch (error) {
    log.error('auth.sign_in_error', { error: error instanceof Error ? error.message : 'unknown' });
    throw new Error(UNAVAILABLE_ERROR);
  }
  if (!result.ok) {
    if (result.reason === 'limited') throw new Error(LOCKED_ERROR);
    return null;
  }
  const user = { ...result.user, sessionId: session?.sessionId };
  return { id: user.userId, email: user.email, name: user.name, sessionUser: user, sessionVersion: session?.sessionVersion };
}

interface JwtParams {
  token: JWT;
  user?: User;
  trigger?: string;
  session?: unknown;
}

/**
 * Puts the session user into the token at sign-in. On every later request it checks the token against
 * the user's current state (session version, lock, ended sessions, memberships; cached a few seconds)
 * and drops the user from a token that must no longer work. `update({ organizationId })` switches
 * among the user's organizations as the database lists them.
 */
export function createJwtCallback(loadState: (userId: string, claims: TokenClaims) => Promise<AuthState | null>) {
  return async function jwt({ token, user, trigger, session }: JwtParams): Promise<JWT> {
    if (user?.sessionUser) return { ...token, user: user.sessionUser, sessionVersion: user.sessionVersion };
    if (!token.user) return token;
    const state = await loadState(token.user.userId, { sessionId: token.user.sessionId, sessionVersion: token.sessionVersion });
    const current = checkSession(
      { user: token.user, sessionId: token.user.sessionId, sessionVersion: token.sessionVersion },
      state,
    );
    if (!current) return { ...token, user: undefined };
    if (trigger === 'update') {
      const request = switchSchema.safeParse(session);
      // Only organizations the database lists for the user qualify, so the browser cannot pick an arbitrary one.
      const switched = request.success ? switchOrganization(current, request.data.organizationId) : null;
      if (switched) return { ...token, user: switched };
    }
    return { ...token, user: current };
  };
}

export const jwtCallback = createJwtCallback((userId, claims) => authStateCache().get(userId, claims));

/** Sign-out ends the session on the server too, so a copied cookie stops working. */
async function endSignedOutSession({ token }: { token: JWT }): Promise<void> {
  const user = token.user;
  if (!user?.sessionId) return;
  try {
    await endSession(await getDb(), user.userId, user.sessionId);
    await authStateCache().invalidate(user.userId);
  } catch (error) {
    log.warn('auth.sign_out_error', { error: error instanceof Error ? error.name : 'unknown' });
  }
}

/** Exposes the token's user as session.user; a token without a valid one yields a session without user. */
export function sessionCallback({ session, token }: { session: Session; token: JWT }): Session {
  const user = sessionUserSchema.safeParse(token.user);
  return { ...session, user: user.success ? user.data : undefined };
}

/** next-auth's redirect after sign-in or sign-out: only a path of this site, whatever the callbackUrl said. */
export function redirectCallback({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl);
  const parsed = URL.canParse(url) ? new URL(url) : null;
  // next-auth passes same-site callbacks as absolute URLs; they are checked as the path they name.
  const path = parsed && parsed.origin === base.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : url;
  return new URL(safeCallbackPath(path, base.origin), base).toString();
}

export const authOptions: NextAuthOptions = {
  // A getter, so the secret is read per request and `next build` does not need it.
  get secret() {
    return serverEnv().nextAuthSecret;
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  // Errors (CredentialsSignin, locked) come back to the sign-in page as ?error=...
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: (credentials, request) => authorizeCredentials(credentials, request.headers as RequestHeaders | undefined),
    }),
  ],
  callbacks: { jwt: jwtCallback, session: sessionCallback, redirect: redirectCallback },
  events: { signOut: endSignedOutSession },
};
