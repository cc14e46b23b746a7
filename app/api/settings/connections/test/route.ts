import { checkCandidate, testCandidate } from '@/lib/admin/connections';
import { settingsMutation } from '@/lib/admin/route';
import { connectionTestSchema } from '@/lib/admin/schemas';
import { json } from '@/lib/http/handler';

// POST /api/settings/connections/test: calls the provider with unsaved settings and credentials; stores nothing.
export const POST = settingsMutation({ schema: connectionTestSchema }, async ({ body }) => {
  return json(await testCandidate(await checkCandidate(body)));
});
