import { z } from 'zod';
import { endMySession } from '@/lib/admin/account';
import { settingsMutation } from '@/lib/admin/route';
import { sessionIdPath } from '@/lib/http/params';

// DELETE /api/settings/account/sessions/:id: ends one of my sessions (only mine: others' ids are 404).
export const DELETE = settingsMutation<Record<string, never>, { sessionId: string }>(
  { schema: z.strictObject({}), role: 'viewer', params: { sessionId: sessionIdPath } },
  async ({ db, actor, params }) => {
    await endMySession(db, actor, params.sessionId);
    return new Response(null, { status: 204 });
  },
);
