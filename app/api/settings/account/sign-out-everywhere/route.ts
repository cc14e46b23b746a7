import { z } from 'zod';
import { signOutEverywhere } from '@/lib/admin/account';
import { settingsMutation } from '@/lib/admin/route';

// POST /api/settings/account/sign-out-everywhere: every session of mine ends, this one too.
export const POST = settingsMutation({ schema: z.strictObject({}), role: 'viewer' }, async ({ db, actor }) => {
  await signOutEverywhere(db, actor);
  return new Response(null, { status: 204 });
});
