import { z } from 'zod';
import { testSavedConnection } from '@/lib/admin/connections';
import { settingsMutation } from '@/lib/admin/route';
import { connectionIdPath } from '@/lib/http/params';
import { json } from '@/lib/http/handler';

// POST /api/settings/connections/:id/test: calls the provider with the stored credentials; records the outcome.
export const POST = settingsMutation<Record<string, never>, { connectionId: string }>(
  { schema: z.strictObject({}), params: { connectionId: connectionIdPath } },
  async ({ db, actor, params }) => json(await testSavedConnection(db, actor.organizationId, params.connectionId)),
);
