import 'server-only';
import { z } from 'zod';
import { isTimeZone } from '@/lib/domain/zone';
import type { Queryable } from './types';

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly timezone: string;
  readonly createdAt: Date;
}

interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  created_at: Date;
}

export const newOrganizationSchema = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
  timezone: z.string().refine(isTimeZone, 'must be an IANA time zone').default('UTC'),
});
export type NewOrganization = z.input<typeof newOrganizationSchema>;

const COLUMNS = 'id, name, slug, timezone, created_at';

function toOrganization(row: OrganizationRow): Organization {
  return { id: row.id, name: row.name, slug: row.slug, timezone: row.timezone, createdAt: row.created_at };
}

export async function createOrganization(db: Queryable, input: NewOrganization): Promise<Organization> {
  const org = newOrganizationSchema.parse(input);
  const [row] = await db.query<OrganizationRow>(
    `insert into organizations (name, slug, timezone) values ($1, $2, $3) returning ${COLUMNS}`,
    [org.name, org.slug, org.timezone],
  );
  if (!row) throw new Error('insert into organizations returned no row');
  return toOrganization(row);
}

/** Creates the organization or updates its name and time zone; keyed by slug, so seeding can rerun. */
export async function upsertOrganizationBySlug(db: Queryable, input: NewOrganization): Promise<Organization> {
  const org = newOrganizationSchema.parse(input);
  const [row] = await db.query<OrganizationRow>(
    `insert into organizations (name, slug, timezone) values ($1, $2, $3)
     on conflict (slug) do update set name = excluded.name, timezone = excluded.timezone
     returning ${COLUMNS}`,
    [org.name, org.slug, org.timezone],
  );
  if (!row) throw new Error('upsert into organizations returned no row');
  return toOrganization(row);
}

export async function findOrganizationBySlug(db: Queryable, slug: string): Promise<Organization | null> {
  const [row] = await db.query<OrganizationRow>(`select ${COLUMNS} from organizations where slug = $1`, [slug]);
  return row ? toOrganization(row) : null;
}

export async function findOrganizationById(db: Queryable, id: string): Promise<Organization | null> {
  const [row] = await db.query<OrganizationRow>(`select ${COLUMNS} from organizations where id = $1`, [id]);
  return row ? toOrganization(row) : null;
}
