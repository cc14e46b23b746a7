import { z } from 'zod';
import { revokeInvitation } from '@/lib/admin/invitations';
import { settingsMutation } from '@/lib/admin/route';
import { invitationIdPath } from '@/lib/http/params';
import { notFound } from '@/lib/http/api-error';

// DELETE /api/settings/invitations/:id: withdraws a pending invitation.
export const DELETE = settingsMutation<Record<string, never>, { invitationId: string }>(
  { schema: z.strictObject({}), params: { invitationId: invitationIdPath } },
  async ({ db, actor, params }) => {
    if (!z.uuid().safeParse(params.invitationId).success || !(await revokeInvitation(db, actor, params.invitationId))) {
      throw notFound('Invitation');
    }
    return new Response(null, { status: 204 });
  },
);
