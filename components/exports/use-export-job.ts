'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportJobDto } from '@/lib/exports/job-schema';
import { isSettled, jobPath } from '@/lib/exports/job-status';
import { fetchJson } from '@/lib/query/fetch-json';

/** The job's response schema, loaded with the first request (My exports lists jobs before any is followed). */
const jobSchema = () => import('@/lib/exports/job-schema').then((m) => m.exportJobDtoSchema);

/** How often a job that has not ended is asked about. */
export const FOLLOW_MS = 1_000;

export const jobQueryOptions = (jobId: string) => ({
  queryKey: ['export-job', jobId] as const,
  queryFn: () => fetchJson(jobPath(jobId), jobSchema),
  refetchInterval: (query: { state: { data?: ExportJobDto } }) => (query.state.data && isSettled(query.state.data.status) ? false : FOLLOW_MS),
});

/** Follows one job until it ends. */
export function useExportJob(jobId: string | null) {
  return useQuery({ ...jobQueryOptions(jobId ?? ''), enabled: jobId !== null });
}

/** Starts a job (POST to the export URL) or acts on one (cancel, retry); the lists refresh after. */
export function useJobAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (url: string) => fetchJson(url, jobSchema, { method: 'POST' }),
    onSuccess: (job) => {
      client.setQueryData(['export-job', job.id], job);
      void client.invalidateQueries({ queryKey: ['export-jobs'] });
    },
  });
}

/** Starts the browser's download of a ready file (the server names it). */
export function downloadFile(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
