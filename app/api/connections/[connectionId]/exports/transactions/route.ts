import { exportJobSystem } from '@/lib/exports/job-system';
import { startExportJob } from '@/lib/exports/jobs';
import { exportRequestReader } from '@/lib/exports/request';
import { apiRoute, json } from '@/lib/http/handler';
import { connectionIdPath } from '@/lib/http/params';

// POST /api/connections/:id/exports/transactions?<list filters>&<export options>: starts an export job (202).
export const POST = apiRoute(
  { role: 'finance', query: exportRequestReader, params: { connectionId: connectionIdPath } },
  async ({ user, params, request }) => {
    const job = await startExportJob(await exportJobSystem(), user, params.connectionId, request.nextUrl.searchParams);
    return json(job, { status: 202, headers: { Location: `/api/exports/jobs/${job.id}` } });
  },
);
