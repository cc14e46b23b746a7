import { createInvitation } from '@/lib/admin/invitations';
import { mailInvitation } from '@/lib/admin/mail';
import { settingsMutation } from '@/lib/admin/route';
import { inviteSchema } from '@/lib/admin/schemas';
import { json } from '@/lib/http/handler';

// POST /api/settings/invitations: an expiring, single-use link; mailed when SMTP is set, else returned to copy.
export const POST = settingsMutation({ schema: inviteSchema }, async ({ db, actor, body, user, origin }) => {
  const { token, invitation } = await createInvitation(db, actor, body);
  const url = new URL(`/invite/${token}`, origin).toString();
  const mailed = await mailInvitation({ to: body.email, organizationName: user.organizationName, url });
  return json({ id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt.toISOString(), mailed, url: mailed ? null : url }, { status: 201 });
});
