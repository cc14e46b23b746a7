import bcrypt from 'bcryptjs';
import type { Queryable } from '@/lib/db/types';
import { listMembershipsForUser } from '@/lib/db/memberships';
import { findUserByEmail, normalizeEmail } from '@/lib/db/users';
import type { SignInLimiter } from './limiter';
import type { SessionUser } from './session-user';

// A cost-10 hash of a random string nobody knows: unknown emails cost as much as known ones.
const DUMMY_HASH = '$2b$10$m0RVnQK9UvTQ1jStMWhQx.fqPOkqLfvIKb.TGkSLF9dzf0dSqtzy2';

/** `limited`: too many attempts from this client (for this email, or at all); says nothing about the account. */
export type SignInFailure = 'invalid' | 'limited';

export type VerifyResult =
  | { readonly ok: true; readonly user: SessionUser }
  | { readonly ok: false; readonly reason: SignInFailure; readonly retryAfterSeconds?: number };

export interface SignInAttempt {
  readonly email: string;
  readonly password: string;
}

/**
 * Checks an email and password: a wrong password and an unknown email are the same answer, after the
 * same bcrypt work. A user without any organization cannot sign in.
 */
export async function verifyCredentials(db: Queryable, attempt: SignInAttempt): Promise<VerifyResult> {
  const user = await findUserByEmail(db, normalizeEmail(attempt.email));
  const matches = await bcrypt.compare(attempt.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) return { ok: false, reason: 'invalid' };
  const memberships = await listMembershipsForUser(db, user.id);
  const [primary] = memberships;
  if (!primary) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    user: {
      userId: user.id,
      email: user.email,
      name: user.name,
      organizationId: primary.organizationId,
      organizationName: primary.name,
      organizationTimezone: primary.timezone,
      role: primary.role,
      organizations: memberships.map(({ organizationId, name, slug, timezone, role }) => ({
        id: organizationId,
        name,
        slug,
        timezone,
        role,
      })),
    },
  };
}

/**
 * A sign-in attempt from `ip`: counted by the limiter before anything is checked (atomically, so a
 * parallel burst counts every attempt), refused when spent, with the same bcrypt work either way.
 */
export async function signInAttempt(db: Queryable, limiter: SignInLimiter, attempt: SignInAttempt & { readonly ip: string }): Promise<VerifyResult> {
  const email = normalizeEmail(attempt.email);
  const verdict = await limiter.consume(attempt.ip, email);
  if (!verdict.allowed) {
    await bcrypt.compare(attempt.password, DUMMY_HASH);
    return { ok: false, reason: 'limited', retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const result = await verifyCredentials(db, attempt);
  if (result.ok) await limiter.succeeded(attempt.ip, email);
  return result;
}
