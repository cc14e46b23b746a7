import { requireApiSession } from '@/lib/auth/session';
import { listExportAuditDtos } from '@/lib/exports/audit';
import { exportAuditQuerySchema } from '@/lib/exports/audit-schema';
import { apiRoute, json, parseQuery } from '@/lib/http/handler';

// GET /api/exports: the organization's CSV exports, newest first (admins only).
export const GET = apiRoute(async (request) => {
  const user = await requireApiSession('admin');
  const query = parseQuery(exportAuditQuerySchema, request.nextUrl.searchParams);
  return json(await listExportAuditDtos(user.organizationId, query));
});
