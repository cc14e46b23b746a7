import { z } from 'zod';
import { editConnection, getConnectionView, removeConnection } from '@/lib/admin/connections';
import { settingsMutation } from '@/lib/admin/route';
import { connectionIdPath } from '@/lib/http/params';
import { connectionEditSchema } from '@/lib/admin/schemas';
import { json } from '@/lib/http/handler';

type Params = { connectionId: string };

// PATCH /api/settings/connections/:id: label, base URL, settings, disabled.
export const PATCH = settingsMutation<z.infer<typeof connectionEditSchema>, Params>(
  { schema: connectionEditSchema, params: { connectionId: connectionIdPath } },
  async ({ db, actor, body, params }) => {
    await editConnection(db, actor, params.connectionId, body);
    return json(await getConnectionView(db, actor.organizationId, params.connectionId));
  },
);

// DELETE /api/settings/connections/:id
export const DELETE = settingsMutation<Record<string, never>, Params>(
  { schema: z.strictObject({}), params: { connectionId: connectionIdPath } },
  async ({ db, actor, params }) => {
    await removeConnection(db, actor, params.connectionId);
    return new Response(null, { status: 204 });
  },
);
