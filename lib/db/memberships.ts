import 'server-only';
import { type Role } from '@/lib/auth/roles';
import { roleSchema } from '@/lib/auth/role-schema';
import type { Queryable } from './types';

export interface MembershipSummary {
  readonly organizationId: string;
  readonly name: string;
  readonly slug: string;
  readonly timezone: string;
  readonly role: Role;
}

interface MembershipRow {
  organization_id: string;
  name: string;
  slug: string;
  timezone: string;
  role: string;
}

/** Gives the user `role` in the organization, replacing any role they had there. */
export async function addMembership(
  db: Queryable,
  input: { userId: string; organizationId: string; role: Role },
): Promise<void> {
  await db.query(
    `insert into memberships (user_id, organization_id, role) values ($1, $2, $3)
     on conflict (user_id, organization_id) do update set role = excluded.role`,
    [input.userId, input.organizationId, roleSchema.parse(input.role)],
  );
}

/** The user's organizations, oldest membership first (that one is the default after sign-in). */
export async function listMembershipsForUser(db: Queryable, userId: string): Promise<MembershipSummary[]> {
  const rows = await db.query<MembershipRow>(
    `select m.organization_id, o.name, o.slug, o.timezone, m.role
     from memberships m join organizations o on o.id = m.organization_id
     where m.user_id = $1
     order by m.created_at, o.name`,
    [userId],
  );
  return rows.map((row) => ({
    organizationId: row.organization_id,
    name: row.name,
    slug: row.slug,
    timezone: row.timezone,
    role: roleSchema.parse(row.role),
  }));
}
