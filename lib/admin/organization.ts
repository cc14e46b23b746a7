import 'server-only';
import { forgetOrganizationKeptDays } from '@/lib/db/kept-days';
import type { Db } from '@/lib/db/types';
import { authStateCache } from '@/lib/auth/auth-state-cache';
import { notFound } from '@/lib/http/api-error';
import { recordAudit, type Actor } from './audit';

export async function updateOrganization(db: Db, actor: Actor, input: { name: string; timezone: string }): Promise<void> {
  const members = await db.transaction(async (tx) => {
    const [before] = await tx.query<{ name: string; timezone: string }>(
      'select name, timezone from organizations where id = $1 for update',
      [actor.organizationId],
    );
    if (!before) throw notFound('Organization');
    await tx.query('update organizations set name = $2, timezone = $3 where id = $1', [actor.organizationId, input.name, input.timezone]);
    // Kept flow days were cut at the old zone's midnights.
    if (before.timezone !== input.timezone) await forgetOrganizationKeptDays(tx, actor.organizationId);
    await recordAudit(tx, actor, {
      action: 'organization.update',
      target: { type: 'organization', id: actor.organizationId, label: input.name },
      before,
      after: input,
    });
    return tx.query<{ user_id: string }>('select user_id from memberships where organization_id = $1', [actor.organizationId]);
  });
  // Every member's session carries the name and zone: their next request reads the new ones.
  await Promise.all(members.map((member) => authStateCache().invalidate(member.user_id)));
}
