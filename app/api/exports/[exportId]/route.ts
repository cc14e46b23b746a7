import { z } from 'zod';
import { requireApiSession } from '@/lib/auth/session';
import { readExportAudit } from '@/lib/exports/audit';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';

const querySchema = z.strictObject({});

// GET /api/exports/:id: one export's record; its own author or an admin (the dialog reads why an export failed).
export const GET = apiRoute<{ exportId: string }>(async (request, { params }) => {
  const user = await requireApiSession('finance');
  parseQuery(querySchema, request.nextUrl.searchParams);
  return json(await readExportAudit(user, (await params).exportId));
});
