import { listConnectionViews, addConnection } from '@/lib/admin/connections';
import { settingsMutation } from '@/lib/admin/route';
import { connectionFormSchema } from '@/lib/admin/schemas';
import { getDb } from '@/lib/db/client';
import { apiRoute, json } from '@/lib/http/handler';
import { noQuery } from '@/lib/http/query';

// GET /api/settings/connections: every connection of the organization with its status; admins only, no credentials.
export const GET = apiRoute({ role: 'admin', query: noQuery }, async ({ user }) =>
  json(await listConnectionViews(await getDb(), user.organizationId)),
);

// POST /api/settings/connections: adds a connection from the form.
export const POST = settingsMutation({ schema: connectionFormSchema }, async ({ db, actor, body }) => {
  const created = await addConnection(db, actor, body);
  return json({ id: created.id }, { status: 201 });
});
