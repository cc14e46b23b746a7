import bcrypt from 'bcryptjs';
import type { Queryable } from '@/lib/db/types';
import { listMembershipsForUser } from '@/lib/db/memberships';
import {
  findUserByEmail,
  normalizeEmail,
  recordFailedSignIn,
  resetFailedSignIns,
  type FailedSignInPolicy,
} from '@/lib/db/users';
import type { SessionUser } from './session-user';

export const SIGN_IN_POLICY: FailedSignInPolicy = { maxFailures: 5, lockMs: 15 * 60 * 1000 };

// A cost-10 hash of a random string nobody knows: unknown emails cost as much as known ones.
const DUMMY_HASH = '$2b$10$m0RVnQK9UvTQ1jStMWhQx.fqPOkqLfvIKb.TGkSLF9dzf0dSqtzy2';

export type SignInFailure = 'invalid' | 'locked';

export type VerifyResult =
  | { readonly ok: true; readonly user: SessionUser }
  | { readonly ok: false; readonly reason: SignInFailure; readonly lockedUntil?: Date };

export interface SignInAttempt {
  readonly email: string;
  readonly password: string;
  /** Injected for tests; defaults to the current time. */
  readonly now?: Date;
}

/**
 * Checks an email and password. Wrong passwords count towards a lock of SIGN_IN_POLICY.lockMs after
 * maxFailures in a row; a success resets the count. A user without any organization cannot sign in.
 */
export async function verifyCredentials(db: Queryable, attempt: SignInAttempt): Promise<VerifyResult> {
  const now = attempt.now ?? new Date();
  const user = await findUserByEmail(db, normalizeEmail(attempt.email));
  if (!user) {
    await bcrypt.compare(attempt.password, DUMMY_HASH);
    return { ok: false, reason: 'invalid' };
  }
  // Compared even while locked, so a locked account answers no faster than an open one.
  const matches = await bcrypt.compare(attempt.password, user.passwordHash);
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil };
  if (!matches) {
    const lockedUntil = await recordFailedSignIn(db, user.id, { now, policy: SIGN_IN_POLICY });
    return lockedUntil && lockedUntil > now ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
  }
  const memberships = await listMembershipsForUser(db, user.id);
  const [primary] = memberships;
  if (!primary) return { ok: false, reason: 'invalid' };
  if (user.failedSignIns > 0 || user.lockedUntil) await resetFailedSignIns(db, user.id);
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
