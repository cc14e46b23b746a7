import { updateOrganization } from '@/lib/admin/organization';
import { settingsMutation } from '@/lib/admin/route';
import { organizationSettingsSchema } from '@/lib/admin/schemas';
import { json } from '@/lib/http/handler';

// PATCH /api/settings/organization: name and IANA time zone (every date on every page uses it).
export const PATCH = settingsMutation({ schema: organizationSettingsSchema }, async ({ db, actor, body }) => {
  await updateOrganization(db, actor, body);
  return json(body);
});
