import type { z } from 'zod';
import { getConnectionView, rotateCredentials } from '@/lib/admin/connections';
import { settingsMutation } from '@/lib/admin/route';
import { connectionIdPath } from '@/lib/http/params';
import { rotateCredentialsSchema } from '@/lib/admin/schemas';
import { json } from '@/lib/http/handler';

// PUT /api/settings/connections/:id/credentials: replaces the credentials (write-only; never read back).
export const PUT = settingsMutation<z.infer<typeof rotateCredentialsSchema>, { connectionId: string }>(
  { schema: rotateCredentialsSchema, params: { connectionId: connectionIdPath } },
  async ({ db, actor, body, params }) => {
    await rotateCredentials(db, actor, params.connectionId, body.credentials);
    return json(await getConnectionView(db, actor.organizationId, params.connectionId));
  },
);
