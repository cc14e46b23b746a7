import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import type { Queryable } from './types';

export const PASSWORD_HASH_COST = 10;

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: Date;
}

/** A user as sign-in needs it: with the hash and the throttling state. Never leaves the server. */
export interface UserWithSecret extends User {
  readonly passwordHash: string;
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  failed_sign_ins: number;
  locked_until: Date | null;
  created_at: Date;
}

/** Emails are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  // bcrypt ignores everything after 72 bytes, so a longer password would be silently weaker than it looks.
  .refine((value) => !bcrypt.truncates(value), 'must be at most 72 bytes');

export const newUserSchema = z.object({
  email: z.string().transform(normalizeEmail).pipe(z.email().max(254)),
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
});
export type NewUser = z.input<typeof newUserSchema>;

const COLUMNS = 'id, email, name, password_hash, failed_sign_ins, locked_until, created_at';

function toUser(row: UserRow): UserWithSecret {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
  };
}

function withoutSecret(user: UserWithSecret): User {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt };
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(passwordSchema.parse(password), PASSWORD_HASH_COST);
}

export async function createUser(db: Queryable, input: NewUser): Promise<User> {
  const user = newUserSchema.parse(input);
  const passwordHash = await hashPassword(user.password);
  const [row] = await db.query<UserRow>(
    `insert into users (email, name, password_hash) values ($1, $2, $3) returning ${COLUMNS}`,
    [user.email, user.name, passwordHash],
  );
  if (!row) throw new Error('insert into users returned no row');
  return withoutSecret(toUser(row));
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserWithSecret | null> {
  const [row] = await db.query<UserRow>(`select ${COLUMNS} from users where email = $1`, [normalizeEmail(email)]);
  return row ? toUser(row) : null;
}

export interface FailedSignInPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
}

/**
 * Counts one failed sign-in atomically; the failure that reaches `maxFailures` locks the account until
 * now + lockMs and restarts the count. Returns the lock in force afterwards (null when unlocked).
 */
export async function recordFailedSignIn(
  db: Queryable,
  userId: string,
  at: { now: Date; policy: FailedSignInPolicy },
): Promise<Date | null> {
  const lockUntil = new Date(at.now.getTime() + at.policy.lockMs);
  const [row] = await db.query<{ locked_until: Date | null }>(
    `update users set
       failed_sign_ins = case when failed_sign_ins + 1 >= $2 then 0 else failed_sign_ins + 1 end,
       locked_until = case
         when failed_sign_ins + 1 >= $2 then $3::timestamptz
         when locked_until <= $4::timestamptz then null
         else locked_until end
     where id = $1
     returning locked_until`,
    [userId, at.policy.maxFailures, lockUntil, at.now],
  );
  return row?.locked_until ?? null;
}

export async function resetFailedSignIns(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set failed_sign_ins = 0, locked_until = null where id = $1', [userId]);
}
