import { readExportAudit } from '@/lib/exports/audit';
import { apiRoute, json } from '@/lib/http/handler';
import { exportIdPath, noQuery } from '@/lib/http/params';

// GET /api/exports/:id: one export's record; its own author or an admin (the dialog reads why an export failed).
export const GET = apiRoute({ role: 'finance', query: noQuery, params: { exportId: exportIdPath } }, async ({ user, params }) =>
  json(await readExportAudit(user, params.exportId)),
);
