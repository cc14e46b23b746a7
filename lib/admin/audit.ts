import 'server-only';
import type { Queryable } from '@/lib/db/types';

/** Who acted: an admin in the organization (or the CLI, with a descriptive email). */
export interface Actor {
  readonly userId: string | null;
  readonly email: string;
  readonly organizationId: string;
}

export interface AuditChange {
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string; readonly label?: string };
  /** Non-secret values only: callers pass labels, roles, settings, never credentials or password hashes. */
  readonly before?: Readonly<Record<string, unknown>> | null;
  readonly after?: Readonly<Record<string, unknown>> | null;
}

export interface AuditEntry extends AuditChange {
  readonly id: string;
  readonly actorEmail: string;
  readonly createdAt: Date;
}

const SECRET_KEY = /secret|token|password|credential|hash/i;

/** Drops any key that looks like a secret, so a careless caller cannot write one. */
function scrub(value: Readonly<Record<string, unknown>> | null | undefined): string | null {
  if (!value) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEY.test(key))));
}

export async function recordAudit(db: Queryable, actor: Actor, change: AuditChange): Promise<void> {
  await db.query(
    `insert into admin_audits (organization_id, actor_user_id, actor_email, action, target_type, target_id, target_label, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [
      actor.organizationId,
      actor.userId,
      actor.email,
      change.action,
      change.target.type,
      change.target.id,
      change.target.label ?? '',
      scrub(change.before),
      scrub(change.after),
    ],
  );
}

interface AuditRow {
  id: string;
  actor_email: string;
  action: string;
  target_type: string;
  target_id: string;
  target_label: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date;
}

/** The organization's admin changes, newest first. */
export async function listAudit(db: Queryable, organizationId: string, limit = 100): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `select id, actor_email, action, target_type, target_id, target_label, before, after, created_at
     from admin_audits where organization_id = $1 order by seq desc limit $2`,
    [organizationId, Math.min(Math.max(limit, 1), 500)],
  );
  return rows.map((row) => ({
    id: row.id,
    actorEmail: row.actor_email,
    action: row.action,
    target: { type: row.target_type, id: row.target_id, label: row.target_label },
    before: row.before,
    after: row.after,
    createdAt: row.created_at,
  }));
}
