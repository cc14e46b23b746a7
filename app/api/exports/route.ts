import { listExportAuditDtos } from '@/lib/exports/audit';
import { exportAuditQuerySchema } from '@/lib/exports/audit-schema';
import { apiRoute, json } from '@/lib/http/handler';

// GET /api/exports: the organization's CSV exports, newest first (admins only).
export const GET = apiRoute({ role: 'admin', query: exportAuditQuerySchema }, async ({ user, query }) =>
  json(await listExportAuditDtos(user.organizationId, query)),
);
