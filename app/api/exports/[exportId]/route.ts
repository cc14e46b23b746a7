import { readExportAudit } from '@/lib/exports/audit';
import { apiRoute, json } from '@/lib/http/handler';
import { exportIdPath } from '@/lib/http/params';
import { noQuery } from '@/lib/http/query';

// GET /api/exports/:id: one export's record; its own author or an admin (the dialog reads why an export failed).
export const GET = apiRoute({ role: 'finance', query: noQuery, params: { exportId: exportIdPath } }, async ({ user, params }) =>
  json(await readExportAudit(user, params.exportId)),
);
