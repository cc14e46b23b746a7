import { changePassword } from '@/lib/admin/account';
import { settingsMutation } from '@/lib/admin/route';
import { passwordChangeSchema } from '@/lib/admin/schemas';

// POST /api/settings/account/password: any member, for themselves; their other sessions end.
export const POST = settingsMutation({ schema: passwordChangeSchema, role: 'viewer' }, async ({ db, actor, body }) => {
  await changePassword(db, actor, body);
  return new Response(null, { status: 204 });
});
