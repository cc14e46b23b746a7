/** An export job's states and its API path, without zod (./job-schema holds the response schemas). Isomorphic. */

export const JOB_STATUSES = ['queued', 'running', 'ready', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export function jobPath(jobId: string): string {
  return `/api/exports/jobs/${encodeURIComponent(jobId)}`;
}

export const isSettled = (status: JobStatus) => status === 'ready' || status === 'failed' || status === 'cancelled';
