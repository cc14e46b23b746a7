import { z } from 'zod';
import { changeRole, removeMember } from '@/lib/admin/members';
import { settingsMutation } from '@/lib/admin/route';
import { userIdPath } from '@/lib/http/params';
import { roleChangeSchema } from '@/lib/admin/schemas';
import { notFound } from '@/lib/http/api-error';
import { json } from '@/lib/http/handler';

type Params = { userId: string };
const uuid = z.uuid();
const memberId = (value: string) => {
  if (!uuid.safeParse(value).success) throw notFound('Member');
  return value;
};

// PATCH /api/settings/members/:userId: changes the member's role; the last admin cannot be downgraded.
export const PATCH = settingsMutation<z.infer<typeof roleChangeSchema>, Params>(
  { schema: roleChangeSchema, params: { userId: userIdPath } },
  async ({ db, actor, body, params }) => {
    await changeRole(db, actor, memberId(params.userId), body.role);
    return json({ userId: params.userId, role: body.role });
  },
);

// DELETE /api/settings/members/:userId: removes the member from this organization (their account stays).
export const DELETE = settingsMutation<Record<string, never>, Params>(
  { schema: z.strictObject({}), params: { userId: userIdPath } },
  async ({ db, actor, params }) => {
    await removeMember(db, actor, memberId(params.userId));
    return new Response(null, { status: 204 });
  },
);
